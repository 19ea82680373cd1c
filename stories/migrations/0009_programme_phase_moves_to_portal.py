"""The programme's phases belong to `portal` now (issue 15; see
portal/migrations/0004_programme_phase_from_stories).

The stories' pages point at `portal.ProgrammePhase` and the model leaves the stories' state;
no table or column changes. The content type `stories.programmephase` becomes
`portal.programmephase`, so whatever refers to it by content type follows: the revisions, the
workflow states and the snippet's workflow, the wagtail-localize sources and translations, the
reference index, the log entries and the permissions (`change_programmephase`,
`publish_programmephase`…) with the groups and users that hold them. A `portal` content type
already there (a `post_migrate` run on a half-migrated database makes one, with its own
permissions) is merged into it first. Reversible: backwards the content type moves back.

Depends on courses/0007: the courses' foreign key must leave `stories.ProgrammePhase` before
the model leaves the stories' state.
"""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion

MODEL = "programmephase"


def move_content_type(apps, source: str, target: str) -> None:
    content_type_model = apps.get_model("contenttypes", "ContentType")
    moving = content_type_model.objects.filter(app_label=source, model=MODEL).first()
    if moving is None:
        return  # a fresh database: post_migrate creates it where the model is
    stale = content_type_model.objects.filter(app_label=target, model=MODEL).first()
    if stale is not None:
        merge_permissions(apps, stale, moving)
        stale.delete()
    moving.app_label = target
    moving.save(update_fields=["app_label"])
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # this process may have cached the old label


def merge_permissions(apps, stale, kept) -> None:
    """Whoever holds a permission of the stale content type holds the kept one's."""
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for permission in permission_model.objects.filter(content_type=stale):
        same, _created = permission_model.objects.get_or_create(
            content_type=kept, codename=permission.codename, defaults={"name": permission.name}
        )
        for group in group_model.objects.filter(permissions=permission):
            group.permissions.add(same)
        for user in user_model.objects.filter(user_permissions=permission):
            user.user_permissions.add(same)


def forwards(apps, schema_editor):
    move_content_type(apps, "stories", "portal")


def backwards(apps, schema_editor):
    move_content_type(apps, "portal", "stories")


class Migration(migrations.Migration):

    dependencies = [
        ("stories", "0008_merge_issue_branches"),
        ("portal", "0004_programme_phase_from_stories"),
        ("courses", "0007_phase_from_portal"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="phaseupdatepage",
                    name="phase",
                    field=models.ForeignKey(blank=True, help_text="La fase del programma di cui parla l'aggiornamento.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="updates", to="portal.programmephase", verbose_name="fase"),
                ),
                migrations.AlterField(
                    model_name="storypage",
                    name="phase",
                    field=models.ForeignKey(blank=True, help_text="La fase del programma a cui appartiene la storia.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="stories", to="portal.programmephase", verbose_name="fase"),
                ),
                migrations.DeleteModel(name="ProgrammePhase"),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
