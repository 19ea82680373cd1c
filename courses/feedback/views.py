"""The questionnaire page, `/valutazione/<token>/` (English under /en/): one answer per link.

Outside the page tree, like the newsletter's unsubscribe link: the token is the signed
registration id (`links`), the language is the link's (the participant's, set by the e-mail).
Never cached (`never_cache`; the page cache skips it too, having a CSRF token). A POST is
counted by the rate limit; a filled honeypot is thanked and nothing is saved.
"""

from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from portal.forms import PublicFormView, RateLimit

from ..models import FeedbackAnswer, FeedbackLinkUse, Registration
from . import links
from .forms import QuestionnaireForm


class QuestionnaireView(PublicFormView):
    form_class = QuestionnaireForm
    rate_limit = RateLimit(
        group="courses.feedback",
        setting="COURSES_FEEDBACK_RATE",
        default="20/h",
        message=_("Troppi invii da questa rete. Riprova tra un'ora, grazie."),
    )

    def __init__(self, request, page, registration):
        super().__init__(request, page)
        self.registration = registration

    def get_form_kwargs(self) -> dict:
        return {"questionnaire": self.page.questionnaire}

    def render(self, form, status=200):
        return render(
            self.request,
            "courses/feedback/questionnaire.html",
            {"event": self.page, "form": form},
            status=status,
        )

    def thanks(self):
        return redirect(reverse("courses_feedback_thanks"))

    def form_valid(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            try:
                with transaction.atomic():
                    FeedbackLinkUse.objects.create(
                        key=links.use_key(self.registration.pk),
                        expires_on=links.use_expires_on(),
                    )
            except IntegrityError:  # answered meanwhile, through another tab
                return answered(self.request, status=409)
            answer = FeedbackAnswer.objects.create(
                event_id=self.registration.event_id,
                locale_id=self.page.locale_id,
                rating=data["rating"],
                recommend=form.recommend(),
                needs_other=data["needs_other"],
                answers=form.answers(),
            )
            answer.needs.set(data["needs"])
        return self.thanks()


def answered(request, status=200):
    return render(request, "courses/feedback/answered.html", status=status)


def participant(token: str) -> Registration | None:
    """The registration of a valid link: checked in at its event."""
    registration_id = links.read_token(token)
    if registration_id is None:
        return None
    return (
        Registration.objects.select_related("event", "locale")
        .filter(pk=registration_id, attended_at__isnull=False)
        .first()
    )


@never_cache
def questionnaire(request, token: str):
    registration = participant(token)
    if registration is None:
        return render(request, "courses/feedback/invalid.html", status=404)
    if FeedbackLinkUse.objects.filter(key=links.use_key(registration.pk)).exists():
        return answered(request, status=409 if request.method == "POST" else 200)
    return QuestionnaireView(request, registration.reader_event, registration).response()


@never_cache
def thanks(request):
    return render(request, "courses/feedback/thanks.html")
