"""Every page (the English tree included), innovators and programme phases go through the
"Revisione redazionale" workflow, reviewed by Moderazione; pages leave Wagtail's default
"Moderators approval", whose group has no member; the groups get the permissions of their roles
(translations, publishing phases, unlocking, deleting unused images). See stories/editorial.py.

Idempotent: run again, it changes nothing. Reversing it leaves the data as it is.
"""

from django.db import migrations

from stories.editorial import route_reviews


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0005_programme_phase_draft_state"),
        ("innovators", "0003_clubdirectorypage_share_image_and_more"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(route_reviews, migrations.RunPython.noop)]
