"""The filters of the stories index, read from the query string and checked against the options."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.http import urlencode

# Query-string names, in the order canonical URLs use them.
FILTER_NAMES = ("tag", "settore", "comune", "fase")


@dataclass(frozen=True)
class StoryFilters:
    tag: str = ""
    settore: str = ""
    comune: str = ""
    fase: str = ""

    @classmethod
    def from_query(cls, query, options: dict) -> "StoryFilters":
        """Only values that name a real option are kept; anything else is ignored."""
        allowed = {
            "tag": {tag.slug for tag in options["tags"]},
            "settore": {sector.slug for sector in options["sectors"]},
            "comune": {municipality.slug for municipality in options["municipalities"]},
            "fase": {str(phase.number) for phase in options["phases"]},
        }
        values = {}
        for name in FILTER_NAMES:
            value = query.get(name, "")
            values[name] = value if value in allowed[name] else ""
        return cls(**values)

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in FILTER_NAMES)

    def as_query(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FILTER_NAMES if getattr(self, name)}

    def canonical_query(self, page_number: int = 1) -> str:
        """`?tag=…&page=2` with the valid filters in a fixed order and no first-page number."""
        query = self.as_query()
        if page_number > 1:
            query["page"] = str(page_number)
        return f"?{urlencode(query)}" if query else ""

    def apply(self, stories):
        from stories.models import StoryInnovator

        if self.tag:
            stories = stories.filter(tagged_items__tag__slug=self.tag)
        if self.fase:
            stories = stories.filter(phase__number=int(self.fase))
        links = StoryInnovator.objects.filter(story_id=OuterRef("pk"), innovator__live=True)
        if self.settore:
            stories = stories.filter(Exists(links.filter(innovator__sector__slug=self.settore)))
        if self.comune:
            stories = stories.filter(
                Exists(links.filter(innovator__municipality__slug=self.comune))
            )
        return stories
