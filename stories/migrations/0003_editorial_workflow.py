"""Groups Redazione and Moderazione with their permissions, and the "Revisione redazionale"
workflow with one group approval task assigned to Moderazione (see stories/editorial.py).

The workflow is attached to the stories index and the programme page when those pages are
created (the demo content does it, idempotently).
"""

from django.db import migrations

from stories.editorial import setup_editorial_workflow


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_stories_and_submissions"),
        ("innovators", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # setup_editorial_workflow grants submit_translation, which this migration of
        # wagtail-localize creates (and fails on if it exists already).
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(setup_editorial_workflow, migrations.RunPython.noop)]
