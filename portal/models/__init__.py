from .images import PortalImage, PortalRendition
from .location import GeoLocationMixin, location_field
from .mixins import (
    BodyMixin,
    ImageMixin,
    TaggedMixin,
    body_field,
    image_field,
    tagged_item_key,
    tags_field,
)
from .pages import BasePage, SEOMixin
from .programme import PhaseStatus, ProgrammePhase, current_phase, phase_field
from .reviewed import ReviewedSnippetMixin
from .routes import ViewRoutesMixin, route_view
from .settings import SiteSettings
from .tasks import BackgroundTask

__all__ = [
    "BackgroundTask",
    "BasePage",
    "BodyMixin",
    "GeoLocationMixin",
    "ImageMixin",
    "PhaseStatus",
    "PortalImage",
    "PortalRendition",
    "ProgrammePhase",
    "ReviewedSnippetMixin",
    "SEOMixin",
    "SiteSettings",
    "TaggedMixin",
    "ViewRoutesMixin",
    "body_field",
    "current_phase",
    "image_field",
    "location_field",
    "phase_field",
    "route_view",
    "tagged_item_key",
    "tags_field",
]
