"""The programme's phases moved from `stories` to `portal` (issue 15).

A fresh database has them under `portal` only; on an existing one the migration
(stories/0009) moves their content type, so the revisions, the review under way, the
translations and the groups' rights follow. Here the migration's own function runs
backwards (the database as `main` left it) and forwards again.
"""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import TranslationSource

from portal.models import ProgrammePhase
from stories.editorial import EDITORS, MODERATORS, WORKFLOW_NAME

MOVE = importlib.import_module("stories.migrations.0009_programme_phase_moves_to_portal")
EDIT = "wagtailsnippets_portal_programmephase:edit"


def phase_content_types() -> list[tuple[int, str]]:
    rows = ContentType.objects.filter(model="programmephase").order_by("pk")
    return list(rows.values_list("pk", "app_label"))


def phase_rights(group_name: str) -> set[tuple[str, str]]:
    permissions = Group.objects.get(name=group_name).permissions.filter(
        content_type__model="programmephase"
    )
    return set(permissions.values_list("content_type__app_label", "codename"))


def fresh(user):
    """The user read again: Django caches permissions on the object."""
    return get_user_model().objects.get(pk=user.pk)


def test_a_fresh_database_has_the_phase_under_portal_only(db):
    [(_pk, app_label)] = phase_content_types()
    assert app_label == "portal"
    assert phase_rights(EDITORS) == {("portal", "change_programmephase")}
    assert phase_rights(MODERATORS) == {
        ("portal", "change_programmephase"),
        ("portal", "publish_programmephase"),
    }
    assert ProgrammePhase().get_workflow().name == WORKFLOW_NAME
    assert ProgrammePhase._meta.db_table == "stories_programmephase"


def test_an_existing_database_keeps_revisions_reviews_translations_and_rights(
    client, phases, demo_users
):
    redazione, moderazione = demo_users["redazione"], demo_users["moderazione"]
    phase = phases[2]
    phase.summary = "Una sintesi rivista dalla redazione."
    phase.save_revision(user=redazione)
    phase.get_workflow().start(phase, redazione)
    source, _created = TranslationSource.get_or_create_from_instance(phase)
    english = phase.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()
    [(pk, _app_label)] = phase_content_types()

    MOVE.backwards(apps, None)  # the database as main left it: everything on stories.*
    assert phase_content_types() == [(pk, "stories")]
    assert phase_rights(MODERATORS) == {
        ("stories", "change_programmephase"),
        ("stories", "publish_programmephase"),
    }
    assert not fresh(moderazione).has_perm("portal.publish_programmephase")

    MOVE.forwards(apps, None)
    assert phase_content_types() == [(pk, "portal")]
    assert fresh(moderazione).has_perm("portal.publish_programmephase")
    assert fresh(redazione).has_perm("portal.change_programmephase")
    assert not fresh(redazione).has_perm("portal.publish_programmephase")
    phase = ProgrammePhase.objects.get(pk=phase.pk)
    assert phase.revisions.count() == 1
    assert phase.get_latest_revision_as_object().summary == "Una sintesi rivista dalla redazione."
    state = WorkflowState.objects.get(status="in_progress")
    assert state.content_object == phase
    assert phase.current_workflow_state == state
    assert TranslationSource.get_or_create_from_instance(phase) == (source, False)
    assert list(phase.get_translations()) == [english]
    assert phase.get_workflow().name == WORKFLOW_NAME

    # The editor opens the phase under its new address: the review is still under way.
    client.force_login(redazione)
    response = client.get(reverse(EDIT, args=[phase.pk]))
    assert response.status_code == 200
    assert WORKFLOW_NAME in response.content.decode()
    client.force_login(moderazione)
    approve = reverse(
        "wagtailsnippets_portal_programmephase:workflow_action",
        args=[phase.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve).status_code in (200, 302)
    phase.refresh_from_db()
    assert phase.summary == "Una sintesi rivista dalla redazione."


def test_a_stale_portal_content_type_is_merged_into_the_moved_one(phases):
    """A post_migrate run on a half-migrated database may have made portal.programmephase
    (with permissions someone was given) before stories/0009 ran."""
    MOVE.backwards(apps, None)
    [(pk, _app_label)] = phase_content_types()
    stale = ContentType.objects.create(app_label="portal", model="programmephase")
    readers = Group.objects.create(name="Lettori")
    readers.permissions.add(
        Permission.objects.create(content_type=stale, codename="view_programmephase", name="x"),
        Permission.objects.create(content_type=stale, codename="export_programmephase", name="y"),
    )

    MOVE.forwards(apps, None)
    assert phase_content_types() == [(pk, "portal")]
    assert phase_rights("Lettori") == {
        ("portal", "view_programmephase"),
        ("portal", "export_programmephase"),
    }
    assert not Permission.objects.filter(content_type_id=stale.pk).exists()
    assert phase_rights(MODERATORS) == {
        ("portal", "change_programmephase"),
        ("portal", "publish_programmephase"),
    }
    assert ProgrammePhase.objects.count() == 4
