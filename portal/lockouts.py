"""Login protection: what django-axes asks of us, the page passwords' limit, and the list of
lockouts in the admin (docs/security.md, "Who can see it").

django-axes hooks Django's authentication signals, so every login view is covered: the
admin's (`/admin/login/`) and Wagtail's login for private pages (`/_util/login/`, also under
`/en/`). Its settings are in `portal/settings/security.py`; the functions below are named
there. Page passwords (`/_util/authenticate_with_password/…`) never call Django's
authentication: `authenticate_with_password` limits them with django-ratelimit, as the public
forms are limited.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, Sum
from django.urls import path
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import views as wagtail_views
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from axes.models import AccessAttempt
from django_ratelimit.core import get_usage

from portal.forms.limits import (
    address_key,
    client_address,
    normalised_identifier,
    too_many_requests,
)

# django-axes


def normalised_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: the account a login tries, however it was typed.

    Django's login form strips the username and `ModelBackend` matches it exactly, so
    " moderazione" and "moderazione" are one account; "Moderazione" (no such account, here)
    counts against it too, so that no spelling gives a guesser a fresh allowance."""
    field = get_user_model().USERNAME_FIELD
    if credentials and credentials.get(field) is not None:
        username = credentials[field]
    else:
        username = getattr(request, "POST", {}).get(field)
    if username is None:
        return None
    return normalised_identifier(str(username)) or None


def client_ip_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address the rate limits count (`RATELIMIT_IP_META_KEY`
    behind a proxy, IPv6 per /64), None when it is not an address."""
    address = client_address(request)
    return None if address == "unknown" else address


def cool_off_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the 429 page in the language of the login (`/en/_util/login/`
    answers in English), nothing else said: not whether the account exists."""
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language_from_path(
        request.path_info
    )
    with translation.override(language or settings.LANGUAGE_CODE):
        response = too_many_requests(
            request,
            _(
                "Troppi tentativi di accesso non riusciti: l'accesso è bloccato per "
                "%(minutes)d minuti."
            )
            % {"minutes": cool_off_minutes()},
        )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


# Page passwords


def restriction_key(group, request) -> str:
    return str(request.resolver_match.kwargs["page_view_restriction_id"])


PAGE_PASSWORD_LIMITS = (
    ("page_password.address", address_key, "PAGE_PASSWORD_RATE", "10/10m"),
    ("page_password.page", restriction_key, "PAGE_PASSWORD_PAGE_RATE", "50/h"),
)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's form for a page's password, with a limit on wrong passwords per client
    address (`PAGE_PASSWORD_RATE`) and per protected page from every address
    (`PAGE_PASSWORD_PAGE_RATE`; the password belongs to the restriction, which may cover a
    whole subtree). Only wrong passwords count; over either limit, the 429 page."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)

    def usage(group, key, setting, default, increment):
        rate = getattr(settings, setting, default)
        return get_usage(request, group, key=key, rate=rate, method="POST", increment=increment)

    for limit in PAGE_PASSWORD_LIMITS:
        current = usage(*limit, increment=False)
        if current and current["count"] >= current["limit"]:
            return too_many_requests(request, _("Troppe password sbagliate: riprova più tardi."))
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 302:  # the form again: a wrong password
        for limit in PAGE_PASSWORD_LIMITS:
            usage(*limit, increment=True)
    return response


# The list of lockouts in the admin


class SuperuserUnlockPolicy(BasePermissionPolicy):
    """Superusers only, and only to look and to unlock: attempts are never added or edited."""

    actions = {"view", "delete"}

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in self.actions

    def users_with_any_permission(self, actions):
        if self.actions.isdisjoint(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


def recent_attempts():
    """The failed logins that lock an account or an address now: within the cool-off, their
    account's or their address's failures at the limit (what django-axes checks)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)

    def over_limit(field):
        return (
            recent.filter(**{field: OuterRef(field)})
            .values(field)
            .annotate(total=Sum("failures_since_start"))
            .filter(total__gte=settings.AXES_FAILURE_LIMIT)
        )

    return recent.annotate(
        account_locked=Exists(over_limit("username")),
        address_locked=Exists(over_limit("ip_address")),
    ).filter(Q(account_locked=True) | Q(address_locked=True))


class LockoutIndexView(generic.IndexView):
    def get_base_queryset(self):
        return recent_attempts()

    @cached_property
    def columns(self):
        title = self._get_title_column_class(TitleColumn)(
            "username", label=gettext_lazy("Nome utente"), get_url=lambda attempt: None
        )
        return [
            title,
            Column("ip_address", label=gettext_lazy("Indirizzo IP")),
            Column("failures_since_start", label=gettext_lazy("Tentativi falliti")),
            DateColumn("attempt_time", label=gettext_lazy("Ultimo tentativo")),
            BooleanColumn("account_locked", label=gettext_lazy("Account bloccato")),
            BooleanColumn("address_locked", label=gettext_lazy("Indirizzo IP bloccato")),
        ]

    def get_list_more_buttons(self, instance):
        url = self.get_delete_url(instance)
        return [MenuItem(_("Sblocca"), url=url, icon_name="lock-open", priority=10)] if url else []


class UnlockView(generic.DeleteView):
    """«Sblocca»: every recent failure of this account and of this address is forgotten, so
    both may try again (for AXES_FAILURE_LIMIT more failures)."""

    page_title = gettext_lazy("Sblocca")

    def get_page_subtitle(self):
        return f"{self.object.username or '—'}, {self.object.ip_address or '—'}"

    def get_success_message(self):
        return _("Sbloccato: %(object)s.") % {"object": self.get_page_subtitle()}

    @property
    def confirmation_message(self):
        return _(
            "Cancellare i tentativi falliti dell'account «%(username)s» e dell'indirizzo IP "
            "%(address)s? Potranno di nuovo provare ad accedere."
        ) % {"username": self.object.username or "—", "address": self.object.ip_address or "—"}

    def get_usage_url(self):
        return None  # attempts are referred to by nothing

    def delete_action(self):
        attempt = self.object
        same = Q(username=attempt.username) if attempt.username else Q(pk=attempt.pk)
        if attempt.ip_address:
            same |= Q(ip_address=attempt.ip_address)
        AccessAttempt.objects.filter(same).delete()


class LockoutViewSet(ModelViewSet):
    """Superusers see who is locked out (django-axes' attempts) and unlock them."""

    model = AccessAttempt
    icon = "lock"
    menu_label = gettext_lazy("Accessi bloccati")
    menu_name = "accessi-bloccati"
    add_to_settings_menu = True
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    copy_view_enabled = False
    inspect_view_enabled = False
    ordering = ["-attempt_time"]
    list_filter = []

    def get_urlpatterns(self):
        """The list and «Sblocca» only: no form adds or edits an attempt."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]

    def get_permissions_to_register(self):
        return []  # superusers only: nothing for the groups' permission form


# Registered before the viewset, which would otherwise make a policy from Django's permissions.
register_permission_policy(AccessAttempt, SuperuserUnlockPolicy(AccessAttempt))
lockout_viewset = LockoutViewSet("accessi-bloccati")
