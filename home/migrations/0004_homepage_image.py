"""The home page's `hero_image` becomes `image`, the name every page's own image has
(`portal.models.ImageMixin`): the column is renamed, and so is the key in the saved revisions
and translation sources, so drafts, old revisions and translations keep their image."""

import json

from django.db import migrations

OLD, NEW = "hero_image", "image"


def _rename_key(data: dict, old: str, new: str) -> bool:
    if old not in data:
        return False
    data[new] = data.pop(old)
    return True


def rename_in_saved_content(apps, old: str, new: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    content_type = ContentType.objects.filter(app_label="home", model="homepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type_id=content_type.pk).iterator():
        if isinstance(revision.content, dict) and _rename_key(revision.content, old, new):
            revision.save(update_fields=["content"])
    sources = TranslationSource.objects.filter(specific_content_type_id=content_type.pk)
    for source in sources.iterator():
        content = json.loads(source.content_json)
        if _rename_key(content, old, new):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


def forwards(apps, schema_editor):
    rename_in_saved_content(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename_in_saved_content(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_impact_newsletter_subscribers"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField(model_name="homepage", old_name=OLD, new_name=NEW),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
