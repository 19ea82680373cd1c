"""The section «Presentazioni» of the innovators' area: the introductions this innovator asked
and received, with their state; its export adds the messages it sent."""

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from innovators import queries
from innovators.area.registry import AreaItem, AreaSection
from innovators.introductions.models import Introduction, IntroductionState

SECTION_LIMIT = 50


def _item(introduction, innovator) -> tuple[AreaItem, dict]:
    asked = introduction.asker is not None and (
        introduction.asker.translation_key == innovator.translation_key
    )
    other = introduction.receiver if asked else introduction.asker
    name = other.name if other is not None else _("un innovatore non più sul portale")
    title = (
        _("Hai chiesto di conoscere %(name)s") if asked else _("%(name)s ha chiesto di conoscervi")
    ) % {"name": name}
    note = ""
    if introduction.state == IntroductionState.ACCEPTED:
        note = _("I contatti sono nell'e-mail che avete ricevuto.")
    elif introduction.is_open and not asked:
        note = _("Rispondi dall'e-mail che avete ricevuto.")
    item = AreaItem(
        title=title,
        state=introduction.get_state_display(),
        date=introduction.created_at,
        note=note,
    )
    record = {
        "direction": "asked" if asked else "received",
        "innovator": str(name),
        "state": introduction.state,
        "asked_at": introduction.created_at,
        "answered_at": introduction.answered_at,
        "message": introduction.message if asked else "",
    }
    return item, record


def section(innovator, request) -> AreaSection:
    key = innovator.translation_key
    introductions = list(
        Introduction.objects.filter(
            Q(asker__translation_key=key) | Q(receiver__translation_key=key)
        )
        .select_related("asker", "receiver")
        .order_by("-created_at", "-pk")[:SECTION_LIMIT]
    )
    pairs = [_item(introduction, innovator) for introduction in introductions]
    directory = queries.directory_path(get_language() or "it")
    return AreaSection(
        key="introductions",
        heading=_("Presentazioni"),
        items=[item for item, _record in pairs],
        empty=_(
            "Nessuna presentazione finora. Dal profilo di un altro innovatore puoi chiedere di "
            "conoscervi: i contatti arrivano a entrambi solo se accetta."
        ),
        action_label=_("Cerca nel Club degli innovatori") if directory else "",
        action_url=directory or "",
        order=30,
        export=[record for _item, record in pairs],
    )
