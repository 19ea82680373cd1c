"""Moderazione sees the background tasks («Attività in background») and runs failed ones again.

Frozen: the group's name and the two permissions, as `stories.editorial` had them then.
"""

from django.db import migrations

GROUP = "Moderazione"
CODENAMES = ["view_backgroundtask", "change_backgroundtask"]


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is None:  # deleted by hand: nothing to grant
        return
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="portal", model="backgroundtask"
    )
    permission_model = apps.get_model("auth", "Permission")
    for codename in CODENAMES:
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_', 1)[0]} attività in background"},
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0010_submission_answers"),
        ("portal", "0006_background_tasks"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
