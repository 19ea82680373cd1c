"""Work that leaves the request: one mechanism, django-tasks (the API of Django 6's tasks).

Every job the portal runs in the background is a task declared with `background_task`: the
e-mails (`send_email`, through `portal.notifications`), the newsletter's «Invia ora», the
re-encoding of public uploads (`portal.forms.images.encode_upload`). The embedded default
queues them in the database (django-tasks-db's `DatabaseBackend`); `manage.py db_worker` runs
them (`make run` starts it beside the server; in production it is a service of its own, see
README.md). The tests run each task at once (`ImmediateBackend`), as the worker would.

A task that raises is recorded as failed, with its traceback, and queued again after a pause
that grows each time (`RETRY_DELAYS`) until it has run `max_attempts` times. Moderators see
the failed and the stalled ones in the admin («Attività in background») and can run them
again by hand (`run_again`). A worker that is stopped finishes its task first; one that is killed
leaves its task «running», shown as stalled after `TASKS_STALLED_AFTER_MINUTES`. So every task
must be safe to run twice: a newsletter send resumes where it stopped, an e-mail may arrive
twice but is never lost.
"""

import datetime
import functools
import logging

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db.models import Q
from django.utils import timezone

from django_tasks import TaskResultStatus, task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Minutes to wait before the 2nd, 3rd… attempt; the last delay repeats.
RETRY_DELAYS = (1, 5, 30, 120)


def retry_delay(attempt: int) -> datetime.timedelta:
    """The pause before the attempt after `attempt` (1-based)."""
    return datetime.timedelta(minutes=RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1])


def can_defer(portal_task) -> bool:
    """Whether the task's backend keeps tasks for later (the database does; the tests'
    immediate backend runs them at once, so it gets no automatic retry)."""
    return portal_task.get_backend().supports_defer


def background_task(*, max_attempts: int = MAX_ATTEMPTS, give_up_on=(), **task_options):
    """Declare a background task that is queued again, later, when it raises (unless it
    raises one of `give_up_on`: no later attempt would do better).

    The task takes one more keyword, `attempt` (1 for the first run), kept in its queued
    arguments so that the admin shows which attempt failed.
    """

    def decorate(function):
        @functools.wraps(function)
        def run(*args, attempt: int = 1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:
                retry = attempt < max_attempts and not isinstance(error, give_up_on)
                if retry and can_defer(portal_task):
                    portal_task.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                        *args, attempt=attempt + 1, **kwargs
                    )
                logger.exception(
                    "Task %s failed (attempt %s of %s)", function.__name__, attempt, max_attempts
                )
                raise

        portal_task = task(**task_options)(run)
        return portal_task

    return decorate


def stalled_after() -> datetime.timedelta:
    return datetime.timedelta(minutes=getattr(settings, "TASKS_STALLED_AFTER_MINUTES", 60))


# E-mails ---------------------------------------------------------------------------------


def message_to_data(message: EmailMessage) -> dict:
    """An e-mail as JSON, to be queued (text attachments only: the events' .ics)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        if isinstance(content, bytes):
            content = content.decode("utf-8", "replace")
        attachments.append([filename, content, mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, content, mimetype)
    return message


@background_task()
def send_email(message: dict) -> None:
    """Send one e-mail queued by `portal.notifications.deliver`."""
    message_from_data(message).send()


def run_again(result) -> None:
    """Queue a failed or stalled task (a `DBTaskResult`) again, as a fresh first attempt, and
    drop the old row: a moderator's «Riprova»."""
    kwargs = {key: value for key, value in result.args_kwargs["kwargs"].items() if key != "attempt"}
    result.task.enqueue(*result.args_kwargs["args"], **kwargs)
    result.delete()


# Personal data ---------------------------------------------------------------------------

# Days a successful task is kept (the admin shows what went out recently); a failed one is
# kept for the personal-data retention, so moderators can still run it again.
SUCCESSFUL_TASKS_KEPT_DAYS = 7


def finished_tasks(cutoff):
    """Finished tasks past their time: their arguments hold e-mails and addresses."""
    from django_tasks_db.models import DBTaskResult  # models are loaded when it runs

    week_ago = timezone.now() - datetime.timedelta(days=SUCCESSFUL_TASKS_KEPT_DAYS)
    return DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=week_ago)
        | Q(status=TaskResultStatus.FAILED, finished_at__lt=cutoff)
    )


def delete_tasks(rows, uploads) -> None:
    rows.delete()
