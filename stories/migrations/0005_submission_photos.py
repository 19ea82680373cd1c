"""What a story submission sent: its photos, linked (and linked for existing rows)."""

import datetime

from django.db import migrations, models

# stories.submissions names the photos "<title> – foto <n>" in the "Contributi" collection.
COLLECTION_NAME = "Contributi"


def link_sent_photos(apps, schema_editor):
    """Existing submissions: link the photos the form stored for them (idempotent)."""
    submission_model = apps.get_model("stories", "StorySubmission")
    image_model = apps.get_model("portal", "PortalImage")
    for submission in submission_model.objects.all():
        prefix = f"{submission.title} – foto "[:255]
        photos = image_model.objects.filter(
            collection__name=COLLECTION_NAME,
            title__startswith=prefix,
            created_at__gte=submission.created_at - datetime.timedelta(minutes=5),
            created_at__lte=submission.created_at + datetime.timedelta(minutes=5),
        )
        submission.photos.add(*photos)


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0002_locales'),
        ('stories', '0004_phaseupdatepage_share_image_and_more'),
    ]

    operations = [
        migrations.AddField(
            model_name='storysubmission',
            name='photos',
            field=models.ManyToManyField(blank=True, help_text='Le foto come le ha inviate chi scrive (nella raccolta «Contributi»).', related_name='+', to='portal.portalimage', verbose_name='foto inviate'),
        ),
        migrations.RunPython(link_sent_photos, migrations.RunPython.noop),
    ]
