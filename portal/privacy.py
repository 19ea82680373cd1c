"""Retention of personal data (docs/security.md): what each app keeps and how it is purged.

`portal` imports no app: each app declares the personal data it keeps in its own `privacy.py`,
as `PersonalData` records that its `wagtail_hooks.py` returns from the Wagtail hook
``register_personal_data``. `purge_personal_data(days)` (`manage.py purge_personal_data`, run
daily from cron) counts what every record finds past `PERSONAL_DATA_RETENTION_DAYS`, then
purges it all in one transaction; `--dry-run` only counts.

Uploads go with the data that brought them (a rejected story's photos, a join request's logo)
unless live content still shows them: each record names the image fields of its live content.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wagtail import hooks
from wagtail.images import get_image_model

HOOK = "register_personal_data"
# E-mail addresses of anonymised rows (an address field may not be empty).
ANONYMOUS_DOMAIN = "anonimizzato.invalid"
IMAGES_LABEL = "immagini eliminate"
IMAGES_ORDER = 35  # where the deleted uploads stand in the report


@dataclass(frozen=True)
class PersonalData:
    """One kind of personal data an app keeps, and how it is purged past its retention.

    `expired(cutoff)` returns the rows old enough to purge (a queryset or a list); `purge(rows,
    uploads)` deletes or anonymises them, handing the ids of the images they brought to
    `uploads.delete_unused`. `label` names the count in the report, `order` its place there.
    `model` is where the data lives (docs/security.md lists every one); `live_images` are the
    (model, image field) pairs of live content that may show an upload, which keep it.
    """

    label: str
    model: type
    expired: Callable[[datetime.datetime], Iterable]
    purge: Callable[[Iterable, "Uploads"], None]
    order: int = 100
    live_images: tuple[tuple[type, str], ...] = ()


def registered() -> list[PersonalData]:
    """Every app's records, in report order."""
    return sorted((register() for register in hooks.get_hooks(HOOK)), key=lambda r: r.order)


class Uploads:
    """Deletes the images a purge frees, with their files, unless live content shows them."""

    def __init__(self, live_images: Iterable[tuple[type, str]]):
        self.live_images = list(live_images)
        self.deleted = 0

    def in_use(self, image) -> bool:
        return any(
            model.objects.filter(**{field: image, "live": True}).exists()
            for model, field in self.live_images
        )

    def delete_unused(self, image_ids: Iterable[int | None]) -> None:
        images = get_image_model().objects.filter(pk__in=[pk for pk in image_ids if pk])
        for image in images:
            if self.in_use(image):
                continue
            image.file.delete(save=False)
            image.delete()
            self.deleted += 1


@dataclass
class PurgeReport:
    counts: dict[str, int]  # label → rows, in report order

    def __str__(self):
        return ", ".join(f"{label}: {count}" for label, count in self.counts.items())


def cutoff_for(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def _count(rows) -> int:
    return len(rows) if isinstance(rows, list) else rows.count()


def purge_personal_data(days: int, *, dry_run: bool = False) -> PurgeReport:
    """Purge (or, with `dry_run`, only count) what is older than `days` days."""
    cutoff = cutoff_for(days)
    records = registered()
    uploads = Uploads(pair for record in records for pair in record.live_images)
    with transaction.atomic():
        found = [(record, record.expired(cutoff)) for record in records]
        lines = [(record.order, record.label, _count(rows)) for record, rows in found]
        if not dry_run:
            for record, rows in found:
                record.purge(rows, uploads)
        lines.append((IMAGES_ORDER, IMAGES_LABEL, uploads.deleted))
    return PurgeReport({label: count for _order, label, count in sorted(lines)})
