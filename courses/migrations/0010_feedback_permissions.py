"""The participants' answers to the questionnaires: Redazione and Moderazione may see them
(`courses.view_feedbackanswer`), the events desk (Accoglienza) may not. Idempotent.

Frozen: a copy of what `courses/desk.py` does for these rights when this migration was written.
"""

from django.db import migrations

GROUPS = ["Redazione", "Moderazione"]
CODENAME = "view_feedbackanswer"


def _permission(apps):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(
        app_label="courses", model="feedbackanswer"
    )
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can view risposta al questionario"},
    )
    return permission


def grant(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission = _permission(apps)
    for name in GROUPS:
        group_model.objects.get_or_create(name=name)[0].permissions.add(permission)


def revoke(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission = _permission(apps)
    for group in group_model.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_feedback"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
