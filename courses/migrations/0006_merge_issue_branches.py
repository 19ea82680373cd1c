"""Joins the migrations written side by side on the registrations: the original event's seats
(issue 11), the events desk and its help texts (issue 10) and the reminders (issue 14)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_registrations_follow_the_original_event"),
        ("courses", "0003_registration_reminder_sent_at"),
        ("courses", "0005_location_help_text"),
    ]

    operations = []
