"""Index each object the demo saves once, when the load ends, instead of on every save.

Wagtail updates the search index and the reference index after every save (immediate tasks
that read the object back, and for a child row such as a tag link or a meeting, its parent).
The loader saves a page up to six times (created, tagged, linked, revised, translated,
published) and adds child rows one by one, so most of that work was thrown away: it was about
40% of the load. `deferred_indexing()` holds Wagtail's two post_save receivers back and, at the
end, indexes every saved object (or its parent) once, on its final state, in the same
transaction: the indexes hold what they would have held. Deletions are indexed as they happen.

The receivers are process-wide: use it only around a whole load, as `loader.build` does.
"""

import contextlib
from collections import defaultdict

from django.db.models.signals import post_save

from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save

from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler

UID = "home-demo-deferred-indexing"


@contextlib.contextmanager
def deferred_indexing():
    searched = _hold(post_save_signal_handler, index.get_indexed_models())
    referenced = _hold(update_reference_index_on_save, ReferenceIndex.tracked_models)
    saved: dict[type, set] = defaultdict(set)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and (sender in searched or sender in referenced):
            saved[sender].add(instance.pk)

    post_save.connect(remember, weak=False, dispatch_uid=UID)
    try:
        yield
        post_save.disconnect(dispatch_uid=UID)
        _index(saved, searched, referenced)
    finally:
        post_save.disconnect(dispatch_uid=UID)
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
        for model in referenced:
            post_save.connect(update_reference_index_on_save, sender=model)


def _hold(receiver, models) -> set[type]:
    """Disconnect `receiver` from post_save; the models it was connected for."""
    return {model for model in list(models) if post_save.disconnect(receiver, sender=model)}


def _index(saved: dict[type, set], searched: set[type], referenced: set[type]) -> None:
    to_search: dict[type, dict] = defaultdict(dict)
    to_reference: dict[tuple, object] = {}
    for model, pks in saved.items():
        for instance in model._default_manager.filter(pk__in=pks).order_by("pk"):
            if model in searched:
                indexed = instance.get_indexed_instance()
                if indexed is not None:
                    to_search[type(indexed)][indexed.pk] = indexed
            if model in referenced:
                owner = _owner(instance)
                if owner is not None:
                    to_reference[(owner._meta.label, owner.pk)] = owner
    for model, instances in to_search.items():
        # As modelsearch does: only what the model's indexed objects include.
        kept = set(
            model.get_indexed_objects().filter(pk__in=instances).values_list("pk", flat=True)
        )
        objects = [instance for pk, instance in instances.items() if pk in kept]
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
    for owner in to_reference.values():
        if ReferenceIndex.is_indexed(type(owner)):
            ReferenceIndex.create_or_update_for_object(owner)


def _owner(instance):
    """The object whose references a row belongs to: itself, or its ParentalKey parent's."""
    while True:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
        if instance is None:
            return None
