"""The events desk: group "Accoglienza" with the rights to view and export the registrations
and to check people in; the same rights for "Redazione". Idempotent.

Frozen (issue 15): a copy of `courses/desk.py` as it was when this migration was written, so
later changes to that module never change what this migration does.
"""

from django.db import migrations

DESK = "Accoglienza"
EDITORS = "Redazione"
# (app_label, model, codename, name)
DESK_PERMISSIONS = [
    ("courses", "registration", "view_registration", "Can view registration"),
    ("courses", "registration", "export_registration", "Può esportare le iscrizioni"),
    ("courses", "registration", "checkin_registration", "Può registrare le presenze"),
]
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")


def _permissions(apps, rows):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model, codename, name in rows:
        content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    return permissions


def setup_events_desk(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    desk, _ = group_model.objects.get_or_create(name=DESK)
    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    rights = _permissions(apps, DESK_PERMISSIONS)
    desk.permissions.add(*rights, *_permissions(apps, [ADMIN_ACCESS]))
    editors.permissions.add(*rights)


def remove_events_desk(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    codenames = [codename for _app, _model, codename, _name in DESK_PERMISSIONS]
    rights = permission_model.objects.filter(
        content_type__app_label="courses", codename__in=codenames
    )
    for editors in group_model.objects.filter(name=EDITORS):
        editors.permissions.remove(*rights)
    group_model.objects.filter(name=DESK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_registration_desk_permissions"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(setup_events_desk, remove_events_desk)]
