from .articles import ArticlePage  # isort: skip
from .programme import (  # isort: skip
    PhaseStatus,
    PhaseUpdatePage,
    PhaseUpdateTag,
    ProgrammePage,
    ProgrammePhase,
)
from .stories import StoryIndexPage, StoryInnovator, StoryPage, StoryTag  # isort: skip
from .submissions import StorySubmission, StorySubmissionPage, SubmissionStatus  # isort: skip

__all__ = [
    "ArticlePage",
    "PhaseStatus",
    "PhaseUpdatePage",
    "PhaseUpdateTag",
    "ProgrammePage",
    "ProgrammePhase",
    "StoryIndexPage",
    "StoryInnovator",
    "StoryPage",
    "StorySubmission",
    "StorySubmissionPage",
    "StoryTag",
    "SubmissionStatus",
]
