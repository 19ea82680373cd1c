"""What other apps show in an innovator's area: `innovators` imports no app above it, so the
apps above register a section (their stories, their registrations…) through the Wagtail hook
``register_innovator_area_section``: a function `(innovator, request) -> AreaSection | None`.
The same hook's functions give the export its records (`AreaSection.export`).
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "register_innovator_area_section"


@dataclass(frozen=True)
class AreaItem:
    title: str
    state: str
    url: str = ""  # the public page, once published
    date: object = None
    note: str = ""  # e.g. the moderators' reason


@dataclass(frozen=True)
class AreaSection:
    key: str
    heading: str
    items: list[AreaItem]
    empty: str = ""
    action_label: str = ""
    action_url: str = ""
    order: int = 100
    # What the export holds for this section (JSON-ready), if more than the items.
    export: list = field(default_factory=list)


def sections(innovator, request) -> list[AreaSection]:
    found = (register(innovator, request) for register in hooks.get_hooks(HOOK))
    return sorted((section for section in found if section), key=lambda s: s.order)
