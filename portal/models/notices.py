"""E-mails that could not be sent, kept to be sent again (`manage.py send_pending_notices`)."""

from django.core.mail import EmailMessage
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_ATTEMPTS = 5


class PendingNotice(models.Model):
    """A notice whose sending failed: everything needed to send it again, and why it failed."""

    renews_content_version = False  # never shown to readers

    subject = models.TextField(_("oggetto"))
    body = models.TextField(_("testo"))
    recipients = models.JSONField(pgettext_lazy("e-mail", "destinatari"), default=list)
    reply_to = models.JSONField(_("rispondi a"), default=list, blank=True)
    # [filename, text content, mimetype] of text attachments (the events' .ics).
    attachments = models.JSONField(_("allegati"), default=list, blank=True)
    created_at = models.DateTimeField(_("creata"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("tentativi"), default=1)
    last_error = models.TextField(_("ultimo errore"), blank=True)

    class Meta:
        verbose_name = _("e-mail da reinviare")
        verbose_name_plural = _("e-mail da reinviare")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.subject

    @property
    def given_up(self) -> bool:
        return self.attempts >= MAX_ATTEMPTS

    @classmethod
    def keep(cls, message: EmailMessage, error: Exception) -> "PendingNotice":
        attachments = []
        for attachment in message.attachments:
            if isinstance(attachment, tuple):
                filename, content, mimetype = attachment
                if isinstance(content, bytes):
                    content = content.decode("utf-8", "replace")
                attachments.append([filename, content, mimetype])
        return cls.objects.create(
            subject=str(message.subject),
            body=str(message.body),
            recipients=list(message.to),
            reply_to=list(message.reply_to),
            attachments=attachments,
            last_error=repr(error)[:2000],
        )

    def message(self) -> EmailMessage:
        message = EmailMessage(
            self.subject, self.body, to=self.recipients, reply_to=self.reply_to or None
        )
        for filename, content, mimetype in self.attachments:
            message.attach(filename, content, mimetype)
        return message
