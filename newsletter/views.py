"""The public side: subscribe, confirm, preferences (page routes, registered with `route_view`;
`NewsletterConfig.ready` imports this module) and the one-click unsubscribe.

Links in e-mails are opened by mail scanners too, so a GET never changes anything: it shows
a button, and the POST acts. The unsubscribe endpoint alone takes a POST without a CSRF token
(RFC 8058: the mail client posts `List-Unsubscribe=One-Click`); its signed token is the proof.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.forms import PublicFormView, RateLimit
from portal.models import route_view

from . import subscriptions
from .forms import PreferencesForm, SubscriptionForm
from .links import newsletter_page
from .models import NewsletterPage, SubscriberStatus
from .tokens import make_token, subscriber_for

SUBSCRIBE_RATE_DEFAULT = "10/h"


def _render(request, page, status=200, **context):
    response = page.render(request, context_overrides=context)
    response.status_code = status
    add_never_cache_headers(response)
    return response


class SubscribeView(PublicFormView):
    """The subscription form (portal.forms kit): honeypot, per-address rate limit, and the
    same answer whether the address is new, pending or already confirmed."""

    form_class = SubscriptionForm
    rate_limit = RateLimit(
        group="newsletter.subscribe",
        setting="NEWSLETTER_SUBSCRIBE_RATE",
        default=SUBSCRIBE_RATE_DEFAULT,
        message=gettext_lazy("Hai inviato troppe richieste. Riprova tra un'ora, grazie."),
    )

    def get_form_kwargs(self) -> dict:
        return {"language_code": self.page.locale.language_code}

    def render(self, form, status=200):
        return _render(self.request, self.page, status, form=form)

    def thanks(self):
        return redirect(self.page.url + self.page.reverse_subpage("thanks"))

    def form_valid(self, form):
        data = form.cleaned_data
        subscriptions.request_subscription(
            email=data["email"], topics=data["topics"], language=data["language"], consent=True
        )
        return self.thanks()


@route_view(NewsletterPage, "subscribe")
def subscribe(request, page):
    return SubscribeView(request, page).response()


@route_view(NewsletterPage, "thanks")
def thanks(request, page):
    return page.render(request, context_overrides={"sent": True})


def _subscriber_or_404(token, purpose):
    subscriber = subscriber_for(token, purpose)
    if subscriber is None:
        raise Http404(_("Collegamento non valido."))
    return subscriber


@route_view(NewsletterPage, "confirm")
def confirm(request, page, token):
    """The confirmation link works once: the POST that confirms shows the preferences link;
    afterwards the link only says the subscription is confirmed, with no link to manage it (an
    old e-mail gives no control of the subscription: each newsletter e-mail carries its own)."""
    subscriber = _subscriber_or_404(token, "confirm")
    if subscriber.is_confirmed:
        return _render(request, page, step="already_confirmed")
    if request.method == "POST":
        if subscriptions.confirm(subscriber):
            return _render(
                request,
                page,
                step="confirmed",
                subscriber=subscriber,
                preferences_url=_preferences_url(page, subscriber),
            )
        if subscriber.is_confirmed:  # another request confirmed it a moment before
            return _render(request, page, step="already_confirmed")
        return _render(request, page, 410, step="expired")
    if subscriber.request_expired or subscriber.status != SubscriberStatus.PENDING:
        return _render(request, page, 410, step="expired")
    return _render(request, page, step="confirm", subscriber=subscriber)


def _preferences_url(page, subscriber) -> str:
    return page.url + page.reverse_subpage(
        "preferences", args=(make_token(subscriber, "preferences"),)
    )


@route_view(NewsletterPage, "preferences")
def preferences(request, page, token):
    subscriber = _subscriber_or_404(token, "preferences")
    if not subscriber.is_confirmed:
        return _render(request, page, 410, step="unsubscribed", subscriber=subscriber)
    initial = {"topics": subscriber.topics, "language": subscriber.language}
    saved = False
    if request.method == "POST":
        if request.POST.get("action") == "unsubscribe":
            subscriptions.unsubscribe(subscriber)
            return _render(request, page, step="unsubscribed", subscriber=subscriber)
        form = PreferencesForm(request.POST, initial=initial)
        if form.is_valid():
            subscriptions.update_preferences(
                subscriber,
                topics=form.cleaned_data["topics"],
                language=form.cleaned_data["language"],
            )
            saved = True
    else:
        form = PreferencesForm(initial=initial)
    return _render(request, page, step="preferences", subscriber=subscriber, form=form, saved=saved)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button; POST (the button, or a mail client's one-click): done."""
    subscriber = _subscriber_or_404(token, "unsubscribe")
    page = newsletter_page(subscriber.language or translation.get_language())
    if page is None:
        raise Http404
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
        return _render(request, page, step="unsubscribed", subscriber=subscriber)
    return _render(request, page, step="unsubscribe", subscriber=subscriber)


def subscribe_redirect(request):
    """/newsletter/iscriviti/ (and /en/…): the newsletter page in the reader's language."""
    page = newsletter_page(translation.get_language())
    if page is None:
        raise Http404
    return redirect(page.url)
