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
from django.db.models.signals import post_save

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


def _english_segments(target) -> tuple[dict[str, list[str]], dict[str, object]]:
    """The target's strings by field, and its overridable values by path (one extraction)."""
    strings, overrides = defaultdict(list), {}
    for segment in extract_segments(target):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path.split(".")[0]].append(segment.string.data)
        elif isinstance(segment, OverridableSegmentValue):
            overrides[segment.path] = segment.data
    return strings, overrides


def _record_strings(translated: dict, locale) -> None:
    """The English texts as manual string translations: new ones in one insert (with the
    post_save signal a save sends: wagtail-localize sets the draft title from it), existing
    ones (a plain copy being converted) updated one by one, as `update_or_create` would."""
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale, context__in={segment.context_id for segment in translated}
        )
    }
    new = []
    for segment, text in translated.items():
        row = existing.get((segment.string_id, segment.context_id))
        if row is None:
            new.append(
                StringTranslation(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    data=text,
                    translation_type="manual",
                )
            )
        elif (row.data, row.translation_type) != (text, "manual"):
            row.data, row.translation_type = text, "manual"
            row.save()
    for row in StringTranslation.objects.bulk_create(new):
        post_save.send(
            StringTranslation,
            instance=row,
            created=True,
            update_fields=None,
            raw=False,
            using="default",
        )


@transaction.atomic
def adopt(source, target, live: bool | None = None):
    """Return the target, now produced by wagtail-localize from its recorded strings, and
    published if it was live (or if `live`: a new copy, its English fields still unsaved)."""
    locale = target.locale
    if is_managed(source, locale):
        return target
    english, overrides = _english_segments(target)
    translation_source, _created = TranslationSource.update_or_create_from_instance(source)
    segments = (
        StringSegment.objects.filter(source=translation_source)
        .select_related("string", "context")
        .order_by("order")
    )
    italian = defaultdict(list)
    for segment in segments:
        italian[segment.context.path.split(".")[0]].append(segment)
    translated = {}  # Italian segment → its English text ("" where English has none)
    for field, field_segments in italian.items():
        texts = english.get(field, [])
        if len(texts) > len(field_segments) and field_segments:
            texts = [*texts[: len(field_segments) - 1], " ".join(texts[len(field_segments) - 1 :])]
        for index, segment in enumerate(field_segments):
            translated[segment] = texts[index] if index < len(texts) else ""
    _record_strings(translated, locale)
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
    was_live = (
        live if live is not None else (not isinstance(target, DraftStateMixin) or target.live)
    )
    # wagtail-localize would publish when the transaction commits, with a stale copy of a page
    # the loader moves afterwards: save a draft, publish it now.
    translation.save_target(publish=not isinstance(target, DraftStateMixin))
    target = type(target).objects.get(pk=target.pk)
    if was_live and isinstance(target, DraftStateMixin):
        target.get_latest_revision().publish()
        target = type(target).objects.get(pk=target.pk)
    return target
