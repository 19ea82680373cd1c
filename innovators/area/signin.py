"""Signing in by e-mail link (django-sesame): ask, receive, press the button.

- `/area-innovatori/accedi/`: one `email` field on the public-form kit (honeypot, rate limit
  per client address). Whatever the address, the answer is the same redirect to the same
  "check your e-mail" page; only an address that looks after an innovator
  (`accounts.innovators_for`) gets a message, and at most `INNOVATORS_SIGNIN_MAILBOX_RATE` of
  them (per mailbox, counted for every address asked for, known or not).
- `/area-innovatori/accedi/link/?sesame=…`: the link in the message. It shows a button: only
  its POST signs in and spends the token (one-time: signing in changes `last_login`, which the
  token's signature covers), so a mail scanner fetching the link signs nobody in. The token
  lasts `SESAME_MAX_AGE` (30 minutes) and is scoped to the area.
- sign out (POST), and sign out everywhere (POST): a new unusable password changes the
  session hash every other session was signed with, and Django ends them on their next request.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited
from sesame.utils import get_token

from innovators.area.accounts import (
    SCOPE,
    innovator_user,
    innovators_for,
    is_innovator_user,
    remember_language,
)
from innovators.area.addresses import normalised_email
from portal.forms import PublicForm, PublicFormView, RateLimit
from portal.links import absolute_url
from portal.notifications import Notice, send_notices

TOKEN_FIELD = "sesame"


class SignInForm(PublicForm):
    email = forms.EmailField(
        label=gettext_lazy("La tua e-mail"),
        max_length=254,
        help_text=gettext_lazy(
            "L'indirizzo di contatto del tuo profilo, o quello che la redazione ha collegato."
        ),
        error_messages={
            "required": gettext_lazy("Scrivi il tuo indirizzo e-mail."),
            "invalid": gettext_lazy("Inserisci un indirizzo e-mail valido, come nome@esempio.it."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def mailbox_rate() -> str:
    return getattr(settings, "INNOVATORS_SIGNIN_MAILBOX_RATE", "3/h")


def mailbox_exceeded(request, email: str) -> bool:
    """Count a link asked for `email` and say whether its mailbox had enough for now."""
    return is_ratelimited(
        request,
        group="innovators.signin.mailbox",
        key=lambda group, request: normalised_email(email),
        rate=mailbox_rate(),
        method=ALL,
        increment=True,
    )


class SignInView(PublicFormView):
    form_class = SignInForm
    rate_limit = RateLimit(
        group="innovators.signin",
        setting="INNOVATORS_SIGNIN_RATE",
        default="10/h",
        message=gettext_lazy("Hai chiesto troppi link di accesso. Riprova tra un'ora, grazie."),
    )

    def render(self, form, status=200):
        sent = self.request.GET.get("inviata") == "1" and self.request.method == "GET"
        return render(
            self.request,
            "innovators/area/sign_in.html",
            {"form": form, "sent": sent},
            status=status,
        )

    def thanks(self):
        return redirect(reverse("innovators_area:sign_in") + "?inviata=1")

    def form_valid(self, form):
        email = normalised_email(form.cleaned_data["email"])
        if mailbox_exceeded(self.request, email):
            return self.thanks()  # the same answer: nothing says whether it was sent
        innovators = innovators_for(email)
        if innovators:
            send_link(self.request, email, innovators)
        return self.thanks()


def send_link(request, email: str, innovators) -> None:
    user = innovator_user(email, create=True)
    if not user.is_active:
        return
    link = absolute_url(
        reverse("innovators_area:sign_in_link") + f"?{TOKEN_FIELD}={get_token(user, SCOPE)}",
        request,
    )
    send_notices(
        [
            Notice(
                _("Pistoia2030: il tuo link per entrare nell'area degli innovatori"),
                "innovators/area/email/sign_in.txt",
                [email],
            )
        ],
        {
            "link": link,
            "minutes": int(getattr(settings, "SESAME_MAX_AGE", 1800)) // 60,
            "innovators": innovators,
        },
    )


@never_cache
@sensitive_post_parameters("email")
def sign_in(request):
    if is_innovator_user(request.user) and request.method == "GET":
        return redirect("innovators_area:home")
    return SignInView(request, None).response()


def token_user(request, token: str):
    """The innovator user a valid, unexpired, unspent token names, or None."""
    if not token or len(token) > 200:
        return None
    try:
        user = authenticate(request, sesame=token, scope=SCOPE)
    except PermissionDenied:  # django-axes: this address is locked out
        return None
    return user if is_innovator_user(user) else None


def _no_referrer(response):
    # The link's token is in the address bar: never send it to another site as a Referer
    # (not `no-referrer`: the button's POST would carry `Origin: null`, refused by CSRF).
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@sensitive_post_parameters(TOKEN_FIELD)
def sign_in_link(request):
    """GET: the button (nothing spent). POST: sign in, once."""
    token = (request.POST if request.method == "POST" else request.GET).get(TOKEN_FIELD, "")
    if request.method == "POST":
        with transaction.atomic():
            user = token_user(request, token)
            if user is not None:
                # Locks the row where the database can: two presses of the same link race
                # for it, and the second finds the token spent (last_login has changed).
                type(user).objects.select_for_update().filter(pk=user.pk).first()
                user = token_user(request, token)
            if user is not None:
                login(request, user)  # updates last_login: the token is spent
                remember_language(user, translation.get_language())
        if user is not None:
            return redirect("innovators_area:home")
    else:
        user = token_user(request, token)
    return _no_referrer(
        render(
            request,
            "innovators/area/sign_in_link.html",
            {"token": token if user is not None else "", "valid": user is not None},
            status=200 if user is not None else 400,
        )
    )


@never_cache
@require_POST
def sign_out(request):
    logout(request)
    return redirect(reverse("innovators_area:sign_in") + "?uscito=1")


@never_cache
@require_POST
def sign_out_everywhere(request):
    """Ends every session of this person (on every device), then this one."""
    user = request.user
    if is_innovator_user(user):
        user.set_unusable_password()  # a new session hash: the other sessions no longer match
        user.save(update_fields=["password"])
    logout(request)
    return redirect(reverse("innovators_area:sign_in") + "?uscito=1")
