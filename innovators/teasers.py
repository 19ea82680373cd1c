"""What the home page shows of the map and the club, queried only when a template asks.

The home page composes every app; its sections may be served from a fragment cache, so
nothing here runs a query until the template reads it.
"""

from django.utils.functional import cached_property

from wagtail.models import Page

from innovators import queries
from innovators.models import ClubDirectoryPage, InnovatorMapPage


class HomeTeasers:
    def __init__(self, home: Page, language_code: str):
        self.home = home
        self.language_code = language_code

    @cached_property
    def _sections(self) -> dict[type, Page]:
        pages = Page.objects.live().child_of(self.home).type(InnovatorMapPage, ClubDirectoryPage)
        sections = {}
        for page in pages.select_related("content_type"):
            sections.setdefault(page.content_type.model_class(), page)
        return sections

    @property
    def map_page(self) -> Page | None:
        return self._sections.get(InnovatorMapPage)

    @property
    def club_page(self) -> Page | None:
        return self._sections.get(ClubDirectoryPage)

    @cached_property
    def stats(self) -> dict[str, int]:
        return queries.innovator_stats(self.language_code)

    @cached_property
    def recent_members(self):
        return queries.recent_club_members(self.language_code, with_logos=False)
