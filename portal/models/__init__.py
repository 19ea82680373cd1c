from .images import PortalImage, PortalRendition
from .notices import PendingNotice
from .pages import BasePage, SEOMixin
from .programme import PhaseStatus, ProgrammePhase, current_phase
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "PendingNotice",
    "PhaseStatus",
    "PortalImage",
    "PortalRendition",
    "ProgrammePhase",
    "SEOMixin",
    "SiteSettings",
    "current_phase",
]
