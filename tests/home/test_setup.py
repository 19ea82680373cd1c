"""One setup function (`home.setup.set_up_portal`) for the migration, the demo and the tests:
what `migrate` leaves is what the function builds, and running it again changes nothing."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)

from home.setup import set_up_portal
from innovators.models import Municipality, OfferCategory
from tests.conftest import restore_migrated_rows

OUR_GROUPS = ["Redazione", "Moderazione", "Accoglienza", "Innovatori"]


def portal_setup() -> dict:
    """The rows the setup is about, without primary keys."""
    groups = Group.objects.filter(name__in=OUR_GROUPS).prefetch_related("permissions__content_type")
    workflow = Workflow.objects.get(name="Revisione redazionale")
    return {
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "rights": {
            group.name: sorted(
                f"{right.content_type.app_label}.{right.codename}"
                for right in group.permissions.all()
            )
            for group in groups
        },
        "page rights": sorted(
            GroupPagePermission.objects.filter(group__name__in=OUR_GROUPS).values_list(
                "group__name", "page__depth", "permission__codename"
            )
        ),
        "collection rights": sorted(
            GroupCollectionPermission.objects.filter(group__name__in=OUR_GROUPS).values_list(
                "group__name", "collection__depth", "permission__codename"
            )
        ),
        "workflow": (
            workflow.active,
            [(step.task.name, step.task.active) for step in workflow.workflow_tasks.all()],
            sorted(WorkflowPage.objects.filter(workflow=workflow).values_list("page__depth")),
            sorted(
                WorkflowContentType.objects.filter(workflow=workflow).values_list(
                    "content_type__app_label", "content_type__model"
                )
            ),
        ),
        "comuni": sorted(Municipality.objects.values_list("istat_code", "name", "slug")),
        "categories": sorted(OfferCategory.objects.values_list("slug", "name", "name_en")),
    }


def test_migrate_leaves_the_portal_set_up(db):
    setup = portal_setup()
    assert set(setup["rights"]) == set(OUR_GROUPS)
    assert setup["rights"]["Innovatori"] == []
    assert "courses.checkin_registration" in setup["rights"]["Accoglienza"]
    assert "innovators.publish_offer" in setup["rights"]["Moderazione"]
    assert "innovators.publish_offer" not in setup["rights"]["Redazione"]
    assert setup["locales"] == ["en", "it"]
    assert len(setup["comuni"]) == 20
    assert setup["workflow"][2] == [(1,)]  # the tree's root: every page inherits it


def test_the_setup_run_again_changes_nothing(db):
    before, rights = portal_setup(), Permission.objects.count()
    set_up_portal(apps)
    assert portal_setup() == before
    assert Permission.objects.count() == rights


def test_a_flushed_database_set_up_again_is_the_migrated_one(db):
    """In the test's transaction (rolled back after it): a transactional test would start from
    whatever the previous one's flush left, not from the migrated database."""
    migrated = portal_setup()
    call_command("flush", interactive=False, verbosity=0)
    assert not Group.objects.exists()
    restore_migrated_rows()  # Wagtail's root page and collection, then `set_up_portal`
    assert portal_setup() == migrated
