from .images import PortalImage, PortalRendition
from .notices import PendingNotice
from .pages import BasePage, SEOMixin
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "PendingNotice",
    "PortalImage",
    "PortalRendition",
    "SEOMixin",
    "SiteSettings",
]
