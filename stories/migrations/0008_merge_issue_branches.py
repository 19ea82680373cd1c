"""Joins the migrations written side by side: the submissions' photos (issue 10, events desk and
moderation) and the review routing with the registration rights (issues 10 and 11)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0005_submission_photos'),
        ('stories', '0007_editors_see_registrations'),
    ]

    operations = [
    ]
