"""Redazione sees the newsletter's figures and previews; Moderazione also sends and sees the
addresses. Idempotent.

Frozen (issue 15): a copy of `newsletter/permissions.py` as it was when this migration was
written, so later changes to that module never change what this migration does.
"""

from django.db import migrations

EDITORS = "Redazione"
MODERATORS = "Moderazione"
EDITOR_CODENAMES = [("issue", "view_issue")]
MODERATOR_CODENAMES = [
    *EDITOR_CODENAMES,
    ("issue", "send_issue"),
    ("subscriber", "view_subscriber"),
    ("subscriber", "delete_subscriber"),
]


def grant_newsletter_permissions(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    for group_name, codenames in ((EDITORS, EDITOR_CODENAMES), (MODERATORS, MODERATOR_CODENAMES)):
        group, _created = group_model.objects.get_or_create(name=group_name)
        for model, codename in codenames:
            content_type, _created = content_type_model.objects.get_or_create(
                app_label="newsletter", model=model
            )
            permission, _created = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("stories", "0003_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_newsletter_permissions, migrations.RunPython.noop)]
