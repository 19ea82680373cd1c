"""The portal's languages, comuni, categories of offers and needs, groups, rights and editorial
workflow: `home.setup.set_up_portal`, the one setup function the demo and the tests share too.
It runs last, after every app's tables and the Wagtail, wagtail-localize and auth rows it
grants rights on."""

from django.db import migrations

from home.setup import set_up_portal


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("portal", "0001_initial"),
        ("innovators", "0001_initial"),
        ("introductions", "0001_initial"),
        ("stories", "0001_initial"),
        ("courses", "0001_initial"),
        ("newsletter", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(set_up_portal, migrations.RunPython.noop)]
