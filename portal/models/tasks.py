"""Background tasks as moderators see them in the admin (`portal.tasks`, `portal.task_admin`)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

# What each task is, for people (its path is for developers).
TASK_LABELS = {
    "portal.tasks.send_email": _("Invio di un'e-mail"),
    "portal.forms.images.encode_upload": _("Preparazione di un'immagine inviata"),
    "newsletter.tasks.send_newsletter": _("Invio della newsletter"),
}


class BackgroundTaskQuerySet(models.QuerySet):
    def needing_attention(self, stalled_before):
        """Failed tasks, and tasks «running» since before `stalled_before` (a killed worker)."""
        return self.filter(
            models.Q(status=TaskResultStatus.FAILED)
            | models.Q(status=TaskResultStatus.RUNNING, started_at__lt=stalled_before)
        )


class BackgroundTask(DBTaskResult):
    """A queued, running or finished task (django-tasks-db's row), with the admin's words."""

    renews_content_version = False  # never shown to readers

    objects = BackgroundTaskQuerySet.as_manager()

    class Meta:
        proxy = True
        ordering = ["-enqueued_at"]
        verbose_name = _("attività in background")
        verbose_name_plural = _("attività in background")
        default_permissions = ("view", "change")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return TASK_LABELS.get(self.task_path, self.task_path)

    label.fget.short_description = _("Attività")

    @property
    def attempt(self) -> int:
        return int(self.args_kwargs.get("kwargs", {}).get("attempt", 1))

    @property
    def subject(self) -> str:
        """What the task is about: an e-mail's subject, or nothing."""
        args = self.args_kwargs.get("args") or [None]
        first = args[0]
        return first.get("subject", "") if isinstance(first, dict) else ""

    def is_stalled(self, stalled_before=None) -> bool:
        return (
            self.status == TaskResultStatus.RUNNING
            and self.started_at is not None
            and self.started_at < (stalled_before or timezone.now())
        )
