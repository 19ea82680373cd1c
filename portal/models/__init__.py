from .images import PortalImage, PortalRendition
from .pages import BasePage
from .settings import SiteSettings

__all__ = ["BasePage", "PortalImage", "PortalRendition", "SiteSettings"]
