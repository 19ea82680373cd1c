"""The editors' newsletter area: figures, the next issue's preview, past issues, «send now».

Redazione sees counts only, never an address; Moderazione may also send (POST, CSRF,
`newsletter.send_issue`) and browse the addresses (the Subscriber snippet, docs/security.md).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.links import site_root_url

from .digest import Composition, languages
from .links import SubscriberLinks
from .models import TOPIC_FIELDS, Issue, Subscriber, SubscriberStatus, Topic
from .sending import build_message, draft_issue, next_issue, recipients
from .tasks import send_newsletter

PAST_ISSUES = 20


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def subscriber_counts() -> list[dict]:
    """Confirmed subscribers per language and topic, and pending requests (one query)."""
    aggregates = {
        "confirmed": Count("pk", filter=Q(status=SubscriberStatus.CONFIRMED)),
        "pending": Count("pk", filter=Q(status=SubscriberStatus.PENDING)),
        **{
            topic.value: Count("pk", filter=Q(status=SubscriberStatus.CONFIRMED, **{field: True}))
            for topic, field in TOPIC_FIELDS.items()
        },
    }
    rows = {
        row["language"]: row for row in Subscriber.objects.values("language").annotate(**aggregates)
    }
    names = dict(settings.LANGUAGES)
    return [
        {
            "language": names.get(code, code),
            "confirmed": rows.get(code, {}).get("confirmed", 0),
            "pending": rows.get(code, {}).get("pending", 0),
            "topics": [rows.get(code, {}).get(topic.value, 0) for topic in Topic],
        }
        for code in languages()
    ]


def dashboard(request):
    _require(request, "newsletter.view_issue")
    issue = draft_issue()
    return TemplateResponse(
        request,
        "newsletter/admin/dashboard.html",
        {
            "header_title": _("Newsletter"),
            "counts": subscriber_counts(),
            "topics": [topic.label for topic in Topic],
            "issue": issue,
            "next_items": [
                (
                    code,
                    [
                        (Topic(topic).label, len(ids))
                        for topic, ids in issue.items.get(code, {}).items()
                    ],
                )
                for code in languages()
            ],
            "next_recipients": recipients(issue).count() if issue.items else 0,
            "past_issues": Issue.objects.all()[:PAST_ISSUES],
            "can_send": request.user.has_perm("newsletter.send_issue"),
            "can_see_addresses": request.user.has_perm("newsletter.view_subscriber"),
        },
    )


def preview(request, language: str):
    """The next issue exactly as a subscriber to every topic in `language` will get it."""
    _require(request, "newsletter.view_issue")
    if language not in languages():
        raise PermissionDenied
    issue = draft_issue()
    sample = Subscriber(email="anteprima@example.org", language=language)
    message = build_message(
        Composition.load(issue.items, issue.introductions), SubscriberLinks(), sample
    )
    if request.GET.get("formato") == "testo":
        return HttpResponse(message.body, content_type="text/plain; charset=utf-8")
    return HttpResponse(same_origin_images(message.alternatives[0][0]))


def same_origin_images(html: str) -> str:
    """The e-mail's images, absolute on the site's address, as paths: the admin's CSP lets
    them load from its own origin, whatever address the editor opened the admin at."""
    return html.replace(f'src="{site_root_url()}/', 'src="/')


@require_POST
def send_now(request):
    """Open (or resume) the next issue and queue its sending (`newsletter.tasks`): a long send
    outlives the request; its figures fill in on this page as it goes."""
    _require(request, "newsletter.send_issue")
    issue = next_issue(started_by=request.user.get_username())
    if issue is None:
        messages.warning(request, _("Nessuna novità da inviare: nessuna e-mail è partita."))
    else:
        send_newsletter.enqueue(issue.pk)
        messages.success(
            request,
            _("Invio della newsletter n. %(number)s avviato: i dati si aggiornano qui sotto.")
            % {"number": issue.pk},
        )
    return redirect("newsletter_admin")
