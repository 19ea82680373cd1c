"""«Creare sinergie»: what innovators offer and what they look for («Offro» / «Cerco»).

An innovator's people write offers and needs in the innovators' area; they go through
«Revisione redazionale» like the profile, show on the club's board (/club/bacheca/), on the
innovator's profile and on the map's filter while they are live, and are matched with the
other innovators' offers and needs.
"""
