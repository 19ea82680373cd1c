"""Sending an issue: in batches over one SMTP connection each, safe to rerun and to resume.

- `next_issue` resumes the issue in progress, or opens one covering what was published since
  the last (`None` when nothing is new or nobody would get it: a second run sends nothing).
- `send_issue` goes through the confirmed subscribers with news in their language and topics
  and no delivery of this issue yet. Before each e-mail a `Delivery` row (unique per issue and
  subscriber) claims it; once the server accepts it, the row is marked sent. If the server
  refuses one recipient, its row says so and the run goes on; if the connection breaks, the
  claim of the e-mail that failed is released and the run stops: the next run resumes with it.
  A process killed between claim and send leaves at most one row «in invio», never retried
  (nobody gets an issue twice), and counted among the failures when the issue is closed.
"""

import datetime
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from wagtail.rich_text import expand_db_html

from tqdm import tqdm

from .digest import Composition, choose_items, personalise
from .links import SubscriberLinks, absolute_links, newsletter_page
from .models import TOPIC_FIELDS, Delivery, DeliveryStatus, Issue, IssueStatus, Subscriber, Topic

BATCH_SIZE = 200


def first_issue_days() -> int:
    return getattr(settings, "NEWSLETTER_FIRST_ISSUE_DAYS", 7)


def introductions() -> dict:
    """The editors' introduction of the next issue, per language (the published page's)."""
    result = {}
    for code, _name in settings.LANGUAGES:
        page = newsletter_page(code)
        if page is not None and page.locale.language_code == code and page.issue_introduction:
            # Internal links expanded and made absolute: the e-mail is read outside the site.
            result[code] = absolute_links(expand_db_html(page.issue_introduction))
    return result


def window(now=None) -> tuple[datetime.datetime, datetime.datetime]:
    """(since, until) of the next issue: from the end of the last one to now."""
    now = now or timezone.now()
    last = Issue.objects.order_by("-until").values_list("until", flat=True).first()
    return last or now - datetime.timedelta(days=first_issue_days()), now


def draft_issue(now=None) -> Issue:
    """The next issue as it would be sent now, not saved (for previews and dry runs)."""
    current = Issue.objects.filter(status=IssueStatus.SENDING).first()
    if current is not None:
        return current
    since, until = window(now)
    return Issue(
        since=since, until=until, items=choose_items(since, until), introductions=introductions()
    )


def next_issue(now=None, started_by: str = "") -> Issue | None:
    issue = draft_issue(now)
    if issue.pk:
        return issue
    if not issue.items or not recipients(issue).exists():
        return None  # nobody to send to: the window stays open for the next run
    issue.sent_by = started_by
    try:
        with transaction.atomic():
            issue.save()
    except IntegrityError:  # another run opened one a moment ago: resume that one
        return Issue.objects.filter(status=IssueStatus.SENDING).first()
    return issue


def recipients(issue: Issue):
    """Confirmed subscribers with something new in their language and topics, not yet served."""
    wanted = Q(pk__in=[])
    for language, topics in issue.items.items():
        chosen = Q(pk__in=[])
        for topic in topics:
            chosen |= Q(**{TOPIC_FIELDS[Topic(topic)]: True})
        wanted |= Q(language=language) & chosen
    subscribers = Subscriber.objects.confirmed().filter(wanted)
    if issue.pk:  # a draft issue (dry run) has no deliveries yet
        subscribers = subscribers.exclude(deliveries__issue=issue)
    return subscribers.only("pk", "email", "language", "key", *TOPIC_FIELDS.values()).order_by("pk")


def build_message(composition, links, subscriber, connection=None) -> EmailMultiAlternatives:
    subscriber_links = links.for_digest(subscriber)
    subject, text, html = personalise(
        composition.render(subscriber.language, subscriber.topics), subscriber_links
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[subscriber.email],
        connection=connection,
        headers={
            # RFC 2369 and RFC 8058: mail clients show an «unsubscribe» button that POSTs.
            "List-Unsubscribe": f"<{subscriber_links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": "Pistoia2030 <newsletter.pistoia2030.it>",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


@dataclass
class SendReport:
    issue: Issue
    sent: int = 0
    failed: int = 0

    def __str__(self):
        return (
            f"Newsletter n. {self.issue.pk}: {self.sent} e-mail inviate in questa esecuzione, "
            f"{self.failed} rifiutate; in tutto {self.issue.recipients} destinatari, "
            f"{self.issue.failures} invii falliti."
        )


def send_issue(issue: Issue, *, batch_size: int = BATCH_SIZE, progress: bool = False) -> SendReport:
    started = timezone.now()
    report = SendReport(issue)
    composition = Composition.load(issue.items, issue.introductions)
    links = SubscriberLinks()
    pending = recipients(issue)
    bar = tqdm(total=pending.count(), unit="e-mail", disable=not progress, desc="Newsletter")
    last_pk = 0
    try:
        while batch := list(pending.filter(pk__gt=last_pk)[:batch_size]):
            last_pk = batch[-1].pk
            _send_batch(issue, batch, composition, links, report, bar)
            _record_figures(issue)
    finally:
        bar.close()
    _close(issue, started)
    return report


def _send_batch(issue, batch, composition, links, report, bar) -> None:
    connection = get_connection()
    connection.open()
    try:
        for subscriber in batch:
            bar.update(1)
            if not composition.has_news_for(subscriber.language, subscriber.topics):
                continue
            try:
                with transaction.atomic():
                    delivery = Delivery.objects.create(
                        issue=issue, subscriber=subscriber, status=DeliveryStatus.SENDING
                    )
            except IntegrityError:  # another run got there first
                continue
            message = build_message(composition, links, subscriber, connection)
            try:
                accepted = connection.send_messages([message])
            except smtplib.SMTPRecipientsRefused as error:
                _mark(delivery, DeliveryStatus.FAILED, str(error))
                report.failed += 1
                continue
            except BaseException:
                delivery.delete()  # certainly not sent: the next run sends it
                raise
            if accepted:
                _mark(delivery, DeliveryStatus.SENT)
                report.sent += 1
            else:
                _mark(delivery, DeliveryStatus.FAILED, "non accettata dal server")
                report.failed += 1
    finally:
        connection.close()


def _mark(delivery, status, error: str = "") -> None:
    Delivery.objects.filter(pk=delivery.pk).update(status=status, error=error[:255])


def _record_figures(issue) -> None:
    figures = issue.deliveries.aggregate(
        sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
        failed=Count("pk", filter=~Q(status=DeliveryStatus.SENT)),
    )
    issue.recipients, issue.failures = figures["sent"], figures["failed"]
    Issue.objects.filter(pk=issue.pk).update(recipients=issue.recipients, failures=issue.failures)


def _close(issue, started) -> None:
    """Close the issue: deliveries a killed run left «in invio» count as failures."""
    issue.deliveries.filter(status=DeliveryStatus.SENDING, attempted_at__lt=started).update(
        status=DeliveryStatus.FAILED, error="invio interrotto: non ritentato"
    )
    _record_figures(issue)
    issue.status = IssueStatus.SENT
    issue.finished_at = timezone.now()
    Issue.objects.filter(pk=issue.pk).update(status=issue.status, finished_at=issue.finished_at)
