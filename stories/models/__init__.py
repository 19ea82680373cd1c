from .articles import ArticlePage
from .programme import PhaseStatus, PhaseUpdatePage, PhaseUpdateTag, ProgrammePage, ProgrammePhase

__all__ = [
    "ArticlePage",
    "PhaseStatus",
    "PhaseUpdatePage",
    "PhaseUpdateTag",
    "ProgrammePage",
    "ProgrammePhase",
]
