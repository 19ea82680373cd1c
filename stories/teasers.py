"""What the home page shows of the stories, queried only when a template asks.

The home page composes every app and may serve its sections from a fragment cache, so
nothing here runs a query until the template reads it.
"""

from django.utils.functional import cached_property

from wagtail.models import Page

from stories.models import StoryIndexPage


class HomeStories:
    def __init__(self, home: Page, count: int = 3):
        self.home = home
        self.count = count

    @cached_property
    def index(self) -> StoryIndexPage | None:
        return StoryIndexPage.objects.live().child_of(self.home).first()

    @cached_property
    def _teasers(self):
        return self.index.teasers(self.count) if self.index else (None, [])

    @property
    def featured(self):
        return self._teasers[0]

    @property
    def latest(self):
        return self._teasers[1]
