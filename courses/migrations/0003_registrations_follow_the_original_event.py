"""One set of seats per event in every language (issue 11, defect 3).

Registrations made on a translation (an English page) move to the event's original page, the
first page of its translation key, remembering their language in `locale`; translations take
the original's capacity. When the same e-mail was registered on two languages of one event, the
earlier registration stays and the later one is cancelled. Idempotent; the reverse keeps the
data as it is (the language pages cannot be told apart again).
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

EVENT_MODELS = ("CoursePage", "SessionPage")


def attach_to_original(apps, schema_editor):
    page_model = apps.get_model("wagtailcore", "Page")
    registration_model = apps.get_model("courses", "Registration")
    registrations = registration_model.objects.select_related("event").order_by("created_at", "pk")
    originals = {}
    for registration in registrations.filter(locale__isnull=True).iterator():
        registration.locale_id = registration.event.locale_id
        registration.save(update_fields=["locale"])
    for registration in registrations.iterator():
        key = registration.event.translation_key
        if key not in originals:
            originals[key] = (
                page_model.objects.filter(translation_key=key).order_by("pk").values_list(
                    "pk", flat=True
                )[0]
            )
        original = originals[key]
        if registration.event_id == original:
            continue
        duplicate = (
            registration_model.objects.filter(
                event_id=original, email__iexact=registration.email
            )
            .exclude(status="cancelled")
            .exists()
        )
        if duplicate and registration.status != "cancelled":
            registration.status = "cancelled"
            registration.cancelled_at = timezone.now()
        registration.event_id = original
        registration.save(update_fields=["event", "status", "cancelled_at"])
    for name in EVENT_MODELS:
        model = apps.get_model("courses", name)
        for key, capacity in (
            model.objects.order_by("translation_key", "pk").values_list("translation_key", "capacity")
        ):
            original = model.objects.filter(translation_key=key).order_by("pk").first()
            if original and original.capacity != capacity:
                model.objects.filter(translation_key=key).exclude(pk=original.pk).update(
                    capacity=original.capacity
                )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_courseindexpage_share_image_coursepage_share_image_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="locale",
            field=models.ForeignKey(
                blank=True,
                help_text="La lingua della pagina da cui si è iscritto: quella delle e-mail.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="lingua",
            ),
        ),
        migrations.RunPython(attach_to_original, migrations.RunPython.noop),
    ]
