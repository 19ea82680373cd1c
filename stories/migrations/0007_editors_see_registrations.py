"""Redazione and Moderazione see and check in the registrations of events, as docs/security.md
says (setup_editorial_workflow adds what is missing; idempotent)."""

from django.db import migrations

from stories.editorial import setup_editorial_workflow


class Migration(migrations.Migration):
    dependencies = [("stories", "0006_reviews_reach_moderazione")]

    operations = [migrations.RunPython(setup_editorial_workflow, migrations.RunPython.noop)]
