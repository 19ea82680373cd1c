from .articles import ArticlePage  # isort: skip
from .programme import PhaseUpdatePage, PhaseUpdateTag, ProgrammePage  # isort: skip
from .stories import StoryIndexPage, StoryInnovator, StoryPage, StoryTag  # isort: skip
from .submissions import StorySubmission, StorySubmissionPage, SubmissionStatus  # isort: skip

__all__ = [
    "ArticlePage",
    "PhaseUpdatePage",
    "PhaseUpdateTag",
    "ProgrammePage",
    "StoryIndexPage",
    "StoryInnovator",
    "StoryPage",
    "StorySubmission",
    "StorySubmissionPage",
    "StoryTag",
    "SubmissionStatus",
]

# The programme's phases moved to `portal` (issue 15): import them from `portal.models`. These
# two names stay here only until the demo content (home/demo/) imports them from there.
from portal.models import PhaseStatus, ProgrammePhase  # noqa: F401
