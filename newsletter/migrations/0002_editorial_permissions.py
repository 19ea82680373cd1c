"""Redazione sees the newsletter's figures and previews; Moderazione also sends and sees the
addresses (see newsletter/permissions.py). Idempotent."""

from django.db import migrations

from newsletter.permissions import grant_newsletter_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("stories", "0003_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_newsletter_permissions, migrations.RunPython.noop)]
