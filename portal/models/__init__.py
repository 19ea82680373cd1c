from .images import PortalImage, PortalRendition
from .pages import BasePage, SEOMixin
from .settings import SiteSettings

__all__ = ["BasePage", "PortalImage", "PortalRendition", "SEOMixin", "SiteSettings"]
