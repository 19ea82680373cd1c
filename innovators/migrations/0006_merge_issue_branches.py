"""Joins the migrations written side by side: contact e-mails for moderators (issue 11) and the
join requests kept as sent with the map's help texts (issue 10)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('innovators', '0004_contact_email_for_moderators'),
        ('innovators', '0005_location_help_text'),
    ]

    operations = [
    ]
