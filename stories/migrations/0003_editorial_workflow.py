"""Once: the groups Redazione and Moderazione, their permissions and the "Revisione redazionale"
workflow (one group approval task assigned to Moderazione).

Empty since issue 15: it called live code (`stories/editorial.py`), which a later change (the
phase moved to `portal`) would have changed under it. 0006_reviews_reach_moderazione, which
holds a frozen copy of that code and is idempotent, makes all of it on a fresh database;
databases that ran this migration already have it. The migrations that ran between the two
(newsletter/0002, courses/0004) create the groups they need by name.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_stories_and_submissions"),
        ("innovators", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = []
