"""Joins the migrations written side by side: the submissions' photos (issue 10, events desk and
moderation) and the review routing (issue 10)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0005_submission_photos'),
        ('stories', '0006_reviews_reach_moderazione'),
    ]

    operations = [
    ]
