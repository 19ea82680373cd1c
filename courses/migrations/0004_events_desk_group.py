"""The events desk: group "Accoglienza" with the rights to view and export the registrations
and to check people in; the same rights for "Redazione" (see courses/desk.py). Idempotent."""

from django.db import migrations

from courses.desk import remove_events_desk, setup_events_desk


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_registration_desk_permissions"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(setup_events_desk, remove_events_desk)]
