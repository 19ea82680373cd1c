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
