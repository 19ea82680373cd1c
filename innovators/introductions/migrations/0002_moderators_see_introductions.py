"""Moderazione sees the introductions' counts and the abuse reports (/admin/presentazioni/).

Frozen: the group's name and the permission, as `stories.editorial` has them.
"""

from django.db import migrations

GROUP = "Moderazione"
CODENAME = "view_introduction"


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="introductions", model="introduction"
    )
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Can view presentazione"}
    )
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("introductions", "0001_introductions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
