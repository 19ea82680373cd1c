"""Asking (a signed-in innovator, from another's profile) and answering (the link in the
e-mail: its GET only shows the request and the buttons, the buttons POST).

Nothing here is cached: the area's `never_cache` views, under the paths the page cache skips
(`PAGE_CACHE_EXCLUDED_PREFIXES`). The answer page sends `Referrer-Policy: same-origin`: its
token never leaves as a Referer.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from innovators.area.views import area_view, public_url
from innovators.introductions import actions, people
from innovators.introductions.forms import ANSWER_RATE, ASK_RATE, AskForm, ReportForm
from innovators.introductions.models import Introduction
from innovators.introductions.notices import ACCEPT, DECLINE
from innovators.introductions.tokens import answer_days, read_token
from innovators.models import Innovator
from portal.forms import PublicFormView, too_many_requests

REPORT = "segnala"


class AskView(PublicFormView):
    form_class = AskForm
    rate_limit = ASK_RATE

    def __init__(self, request, receiver):
        super().__init__(request, None)
        self.receiver = receiver

    def render(self, form, status=200):
        return render(
            self.request,
            "introductions/ask.html",
            {
                "form": form,
                "receiver": self.receiver,
                "innovator": self.request.innovator,
                "innovators": self.request.innovators,
                "per_day": actions.per_day(),
                "days": answer_days(),
            },
            status=status,
        )

    def thanks(self):
        return redirect(reverse("introductions:ask", args=[self.receiver.pk]) + "?inviata=1")

    def form_valid(self, form):
        try:
            actions.ask(
                self.request.innovator,
                self.receiver,
                self.request.user.email,
                form.cleaned_data["message"],
                get_language(),
            )
        except actions.Refused as refusal:
            form.add_error(None, str(refusal))
            return None
        return self.thanks()


def receiver_or_404(pk: int) -> Innovator:
    receiver = (
        Innovator.objects.filter(pk=pk, live=True, removal__isnull=True)
        .select_related("locale")
        .first()
    )
    if receiver is None:
        raise Http404
    return people.canonical(receiver)


@require_http_methods(["GET", "POST"])
@area_view
def ask(request, pk: int):
    receiver = receiver_or_404(pk)
    context = {
        "receiver": receiver,
        "innovator": request.innovator,
        "innovators": request.innovators,
        "receiver_url": public_url(receiver),
    }
    if receiver.translation_key == request.innovator.translation_key:
        return render(request, "introductions/ask.html", {**context, "own": True}, status=400)
    if not people.addresses(receiver):
        return render(request, "introductions/ask.html", {**context, "unreachable": True})
    if request.method == "GET" and request.GET.get("inviata") == "1":
        return render(request, "introductions/ask.html", {**context, "sent": True})
    return AskView(request, receiver).response()


def resolve(token: str) -> tuple[Introduction, str] | None:
    """The request a valid token answers, and the address of the person it was sent to."""
    found = read_token(token)
    if found is None:
        return None
    introduction_id, person = found
    introduction = (
        Introduction.objects.select_related("asker", "receiver").filter(pk=introduction_id).first()
    )
    if introduction is None or introduction.receiver is None:
        return None
    email = next(
        (e for e in people.addresses(introduction.receiver) if people.digest(e) == person), None
    )
    return (introduction, email) if email else None


def _answer_page(request, context: dict, status: int = 200):
    response = render(request, "introductions/answer.html", context, status=status)
    response["Referrer-Policy"] = "same-origin"  # the token stays here
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request):
    source = request.POST if request.method == "POST" else request.GET
    token = source.get("t", "")
    found = resolve(token)
    if found is None:
        return _answer_page(request, {"valid": False, "days": answer_days()}, status=400)
    introduction, email = found
    report_form = ReportForm()
    if request.method == "POST":
        if ANSWER_RATE.exceeded(request):
            return too_many_requests(request, ANSWER_RATE.message)
        choice = request.POST.get("scelta")
        if choice == ACCEPT:
            actions.accept(introduction.pk, email)
        elif choice == DECLINE:
            actions.decline(introduction.pk, email)
        elif choice == REPORT:
            report_form = ReportForm(request.POST)
            if not report_form.is_spam:
                if not report_form.is_valid():
                    return _answer_page(
                        request, answer_context(introduction, token, "", report_form)
                    )
                actions.report(introduction.pk, email, report_form.cleaned_data["reason"])
        else:
            return _answer_page(request, answer_context(introduction, token, ""), status=400)
        return redirect(reverse("introductions:answer") + f"?t={token}")
    choice = request.GET.get("scelta", "")
    return _answer_page(request, answer_context(introduction, token, choice, report_form))


def answer_context(introduction, token: str, choice: str, report_form=None) -> dict:
    return {
        "valid": True,
        "introduction": introduction,
        "asker_url": public_url(introduction.asker) if introduction.asker else "",
        "token": token,
        "choice": choice if choice in (ACCEPT, DECLINE) else "",
        "report_form": report_form or ReportForm(),
        "days": answer_days(),
    }
