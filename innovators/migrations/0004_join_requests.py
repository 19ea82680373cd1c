"""Join requests keep what the applicant sent (innovators.JoinRequest)."""

import django.db.models.deletion
from django.db import migrations, models


def record_existing_requests(apps, schema_editor):
    """Drafts never published whose first revision has no author came from the join form:
    give each a record of the request from what the draft holds (idempotent)."""
    innovator_model = apps.get_model("innovators", "Innovator")
    request_model = apps.get_model("innovators", "JoinRequest")
    revision_model = apps.get_model("wagtailcore", "Revision")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    content_type = content_type_model.objects.filter(
        app_label="innovators", model="innovator"
    ).first()
    if content_type is None:
        return
    drafts = innovator_model.objects.filter(
        live=False, first_published_at__isnull=True, join_request__isnull=True
    ).select_related("sector", "municipality")
    for innovator in drafts:
        first = (
            revision_model.objects.filter(
                base_content_type=content_type, object_id=str(innovator.pk)
            )
            .order_by("created_at", "pk")
            .first()
        )
        if first is None or first.user_id is not None:
            continue
        request_model.objects.create(
            innovator=innovator,
            answers={
                "name": innovator.name,
                "kind": str(innovator.get_kind_display()),
                "sector": innovator.sector.name,
                "short_description": innovator.short_description,
                "municipality": innovator.municipality.name,
                "address": innovator.address,
                "website": innovator.website,
                "contact_email": innovator.contact_email,
                "join_club": innovator.is_club_member,
                "privacy": True,
            },
        )


class Migration(migrations.Migration):

    dependencies = [
        ('innovators', '0003_clubdirectorypage_share_image_and_more'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='JoinRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='ricevuta il')),
                ('answers', models.JSONField(default=dict, verbose_name='risposte')),
                ('innovator', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='join_request', to='innovators.innovator', verbose_name='innovatore in bozza')),
            ],
            options={
                'verbose_name': 'richiesta di adesione',
                'verbose_name_plural': 'richieste di adesione',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.RunPython(record_existing_requests, migrations.RunPython.noop),
    ]
