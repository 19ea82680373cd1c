"""What the home page composes from every app.

Each part runs its queries only when the template first reads it: the home template caches
the whole composition (keyed on the content version), so a cached home page costs no query
for any of this.
"""

from django.utils.functional import cached_property

from courses.models import upcoming_events
from home.impact.charts import Figures
from home.impact.indicators import HOME_FIGURES, impact_figures
from innovators.teasers import HomeTeasers
from newsletter.models import NewsletterPage
from portal.models import ProgrammePhase, current_phase
from stories.models import ProgrammePage
from stories.teasers import HomeStories


class HomeSections:
    def __init__(self, home, language_code: str):
        self.home = home
        self.stories = HomeStories(home)
        self.events = upcoming_events(home)
        self.innovators = HomeTeasers(home, language_code)

    @cached_property
    def goals(self):
        return list(self.home.goals.select_related("page"))

    @cached_property
    def phases(self) -> list[ProgrammePhase]:
        return list(ProgrammePhase.objects.filter(locale_id=self.home.locale_id, live=True))

    @cached_property
    def current_phase(self) -> ProgrammePhase | None:
        return current_phase(self.phases)

    @cached_property
    def programme_page(self) -> ProgrammePage | None:
        return ProgrammePage.objects.live().child_of(self.home).first()

    @cached_property
    def latest_updates(self):
        return list(self.programme_page.updates()[:3]) if self.programme_page else []

    @cached_property
    def impact_page(self):
        from home.models import ImpactPage

        return ImpactPage.objects.live().child_of(self.home).first()

    @cached_property
    def impact_figures(self):
        """Two or three live numbers for the «key figures» strip (cached with the impact page)."""
        return Figures(impact_figures()).pick(HOME_FIGURES) if self.impact_page else []

    @cached_property
    def newsletter_page(self) -> NewsletterPage | None:
        """The invitation to subscribe (cached with the rest of the composition)."""
        return NewsletterPage.objects.live().child_of(self.home).first()
