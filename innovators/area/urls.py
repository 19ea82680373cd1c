"""The innovators' area, inside `i18n_patterns` (portal/urls.py): Italian paths without a
prefix, English ones under /en/ with their own words (the paths are translated)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from innovators.area import data, needs, profile, signin, views
from innovators.synergies import area as synergies

app_name = "innovators_area"

urlpatterns = [
    path(pgettext_lazy("URL", "area-innovatori/"), views.home, name="home"),
    path(pgettext_lazy("URL", "area-innovatori/accedi/"), signin.sign_in, name="sign_in"),
    path(
        pgettext_lazy("URL", "area-innovatori/accedi/link/"),
        signin.sign_in_link,
        name="sign_in_link",
    ),
    path(pgettext_lazy("URL", "area-innovatori/esci/"), signin.sign_out, name="sign_out"),
    path(
        pgettext_lazy("URL", "area-innovatori/esci-ovunque/"),
        signin.sign_out_everywhere,
        name="sign_out_everywhere",
    ),
    path(pgettext_lazy("URL", "area-innovatori/scegli/"), views.choose, name="choose"),
    path(pgettext_lazy("URL", "area-innovatori/profilo/"), profile.edit, name="profile"),
    path(
        pgettext_lazy("URL", "area-innovatori/profilo/conferma-email/"),
        profile.confirm_email,
        name="confirm_email",
    ),
    path(pgettext_lazy("URL", "area-innovatori/dati.json"), data.export, name="export"),
    path(pgettext_lazy("URL", "area-innovatori/rimuovi/"), data.remove, name="remove"),
    path(pgettext_lazy("URL", "area-innovatori/bisogni/"), needs.edit, name="needs"),
    path(pgettext_lazy("URL", "area-innovatori/offerte/nuova/"), synergies.new, name="offer_new"),
    path(pgettext_lazy("URL", "area-innovatori/offerte/<int:pk>/"), synergies.edit, name="offer"),
    path(
        pgettext_lazy("URL", "area-innovatori/offerte/<int:pk>/rinnova/"),
        synergies.renew,
        name="offer_renew",
    ),
    path(
        pgettext_lazy("URL", "area-innovatori/offerte/<int:pk>/ritira/"),
        synergies.withdraw,
        name="offer_withdraw",
    ),
    path(pgettext_lazy("URL", "area-innovatori/sinergie/"), synergies.matches, name="matches"),
]
