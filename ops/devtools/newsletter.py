"""`make bench`'s newsletter line: compose and send an issue to N subscribers through Django's
locmem backend, with the time, the peak Python memory and the SQL queries per recipient.

It adds N subscribers to the (benchmark) database and removes them, and the issue, after.
"""

import time
import tracemalloc
from dataclasses import dataclass
from itertools import combinations

from django.core import mail
from django.db import connection
from django.test.utils import override_settings

from newsletter.models import Issue, Subscriber, SubscriberStatus, Topic
from newsletter.sending import next_issue, send_issue

from .bench import QueryCounter

BENCH_DOMAIN = "bench.invalid"


@dataclass
class DigestBench:
    subscribers: int
    sent: int
    seconds: float
    peak_mb: float
    queries: int

    def __str__(self):
        per_recipient = self.queries / self.sent if self.sent else 0
        return (
            f"Newsletter a {self.subscribers} iscritti (locmem): {self.sent} e-mail in "
            f"{self.seconds:.1f} s ({self.sent / self.seconds if self.seconds else 0:.0f}/s), "
            f"memoria di picco {self.peak_mb:.0f} MB, {self.queries} query "
            f"({per_recipient:.2f} per destinatario)"
        )


def _topic_sets() -> list[list[str]]:
    values = [topic.value for topic in Topic]
    return [list(c) for size in range(1, len(values) + 1) for c in combinations(values, size)]


def create_subscribers(count: int) -> None:
    sets = _topic_sets()
    subscribers = []
    for number in range(count):
        subscriber = Subscriber(
            email=f"lettore{number}@{BENCH_DOMAIN}",
            language="en" if number % 5 == 0 else "it",
            status=SubscriberStatus.CONFIRMED,
            consent=True,
        )
        subscriber.topics = sets[number % len(sets)]
        subscribers.append(subscriber)
    Subscriber.objects.bulk_create(subscribers, batch_size=1000)


def bench_digest(count: int = 10_000) -> DigestBench | None:
    """None when the database has nothing published in the last issue's window."""
    existing = set(Issue.objects.values_list("pk", flat=True))
    create_subscribers(count)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            mail.outbox = []
            counter = QueryCounter()
            tracemalloc.start()
            start = time.perf_counter()
            with connection.execute_wrapper(counter):
                issue = next_issue(started_by="bench")
                report = send_issue(issue) if issue else None
            seconds = time.perf_counter() - start
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            mail.outbox = []
        if report is None:
            return None
        return DigestBench(count, report.sent, seconds, peak / 1024 / 1024, counter.count)
    finally:
        Issue.objects.exclude(pk__in=existing).delete()
        Subscriber.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").delete()


def bench_job(options) -> str | None:
    """`manage.py bench --subscribers N` (ops.devtools.bench): the newsletter's line, or None for 0."""
    if not options["subscribers"]:
        return None
    digest = bench_digest(options["subscribers"])
    return str(digest) if digest else "Newsletter: nessuna novità da inviare."
