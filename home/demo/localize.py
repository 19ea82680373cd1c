"""Make a demo translation a wagtail-localize translation, so "Sync" works on it.

`adopt(source, target)` records the Italian object as a translation source, the English one
as its translation, and every Italian string's English text as a string translation, read
from the English object field by field (in order; English paragraphs beyond the Italian ones
join the last, Italian ones with no English counterpart get none, so no Italian text is
published on /en/); then wagtail-localize re-renders the English object from them. Objects
already managed by wagtail-localize are left as they are: the loader can run again, and it
converts the plain copies older demo databases hold.
"""

import json
from collections import defaultdict

from django.db import transaction

from wagtail.models import DraftStateMixin
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import OverridableSegmentValue, StringSegmentValue


def is_managed(source, locale) -> bool:
    return Translation.objects.filter(
        source__object_id=source.translation_key,
        target_locale=locale,
        enabled=True,
    ).exists()


def _english_strings(target) -> dict[str, list[str]]:
    by_field = defaultdict(list)
    for segment in extract_segments(target):
        if isinstance(segment, StringSegmentValue):
            by_field[segment.path.split(".")[0]].append(segment.string.data)
    return by_field


def _english_overrides(target) -> dict[str, object]:
    return {
        segment.path: segment.data
        for segment in extract_segments(target)
        if isinstance(segment, OverridableSegmentValue)
    }


@transaction.atomic
def adopt(source, target):
    """Return the target, now produced by wagtail-localize from its recorded strings."""
    locale = target.locale
    if is_managed(source, locale):
        return target
    english = _english_strings(target)
    overrides = _english_overrides(target)
    translation_source, _created = TranslationSource.update_or_create_from_instance(source)
    segments = (
        StringSegment.objects.filter(source=translation_source)
        .select_related("string", "context")
        .order_by("order")
    )
    italian = defaultdict(list)
    for segment in segments:
        italian[segment.context.path.split(".")[0]].append(segment)
    for field, field_segments in italian.items():
        texts = english.get(field, [])
        if len(texts) > len(field_segments) and field_segments:
            texts = [*texts[: len(field_segments) - 1], " ".join(texts[len(field_segments) - 1 :])]
        for segment, text in zip(field_segments, texts, strict=False):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )
        for segment in field_segments[len(texts) :]:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": "", "translation_type": "manual"},
            )
    for segment in OverridableSegment.objects.filter(source=translation_source).select_related(
        "context"
    ):
        value = overrides.get(segment.context.path)
        if value is not None and json.dumps(value) != segment.data_json:
            SegmentOverride.objects.update_or_create(
                locale=locale, context=segment.context, defaults={"data_json": json.dumps(value)}
            )
    translation, _created = Translation.objects.update_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    was_live = not isinstance(target, DraftStateMixin) or target.live
    # wagtail-localize would publish when the transaction commits, with a stale copy of a page
    # the loader moves afterwards: save a draft, publish it now.
    translation.save_target(publish=not isinstance(target, DraftStateMixin))
    target = type(target).objects.get(pk=target.pk)
    if was_live and isinstance(target, DraftStateMixin):
        target.get_latest_revision().publish()
        target = type(target).objects.get(pk=target.pk)
    return target
