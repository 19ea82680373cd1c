from .reference import Municipality, Sector  # isort: skip
from .innovators import Innovator, InnovatorKind, TaggedInnovator  # isort: skip
from .join_requests import JoinRequest  # isort: skip
from .pages import ClubDirectoryPage, InnovatorMapPage  # isort: skip
from .needs import InnovatorNeeds  # isort: skip
from innovators.area.models import InnovatorPerson, ProfileRemoval  # isort: skip
from innovators.synergies.models import (  # isort: skip
    MatchAlert,
    Offer,
    OfferCategory,
    OfferKind,
    TaggedOffer,
)

__all__ = [
    "ClubDirectoryPage",
    "Innovator",
    "InnovatorKind",
    "InnovatorMapPage",
    "InnovatorNeeds",
    "InnovatorPerson",
    "JoinRequest",
    "MatchAlert",
    "Municipality",
    "Offer",
    "OfferCategory",
    "OfferKind",
    "ProfileRemoval",
    "Sector",
    "TaggedInnovator",
    "TaggedOffer",
]
