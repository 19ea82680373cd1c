"""Development e-mail: every message the portal sends is kept in `var/outbox/` and listed for
staff in the admin («Posta in uscita»).

Whichever process sends it (the web server, the task worker, a management command), a message
lands as one standard `.eml` file in `EMAIL_FILE_PATH`, and one line on that process's console
says where. Django's file backend appends all the messages of a connection to one `.log` file
(the newsletter sends a batch per connection), which cannot be read back message by message;
one file per message can, with Python's `email` parser or any mail client. `dev.py` switches it
on when no SMTP server is set; elsewhere the admin page answers 404.
"""

import re
import secrets
import sys
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail.backends.base import BaseEmailBackend
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

BACKEND = "portal.outbox.OutboxBackend"
LISTED = 200  # the newest messages the page lists
NAME = re.compile(r"^[0-9]{8}-[0-9]{12}-[0-9a-f]{8}\.eml$")


class OutboxBackend(BaseEmailBackend):
    """One `.eml` file per message in `EMAIL_FILE_PATH`, written whole (a reader never sees half
    a message), and a line on the console."""

    def __init__(self, *args, file_path=None, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.folder = Path(file_path or settings.EMAIL_FILE_PATH)
        self.stream = stream or sys.stdout

    def send_messages(self, email_messages):
        self.folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S%f}-{secrets.token_hex(4)}.eml"
            partial = self.folder / f".{name}.part"
            partial.write_bytes(message.message().as_bytes(linesep="\n"))
            partial.replace(self.folder / name)
            self.stream.write(
                f"E-mail «{message.subject}» → {', '.join(message.to)}: {self.folder / name}\n"
            )
            self.stream.flush()
        return len(email_messages)


@dataclass
class OutboxMessage:
    name: str
    subject: str
    sender: str
    to: str
    date: str
    text: str = ""
    has_html: bool = False
    attachments: tuple[str, ...] = ()


def enabled() -> bool:
    return settings.EMAIL_BACKEND == BACKEND


def folder() -> Path:
    return Path(settings.EMAIL_FILE_PATH)


def _parse(path: Path, headers_only: bool):
    with path.open("rb") as file:
        return BytesParser(policy=policy.default).parse(file, headersonly=headers_only)


def _message(path: Path, parsed) -> OutboxMessage:
    return OutboxMessage(
        name=path.name,
        subject=str(parsed["subject"] or ""),
        sender=str(parsed["from"] or ""),
        to=str(parsed["to"] or ""),
        date=str(parsed["date"] or ""),
    )


def newest() -> list[OutboxMessage]:
    paths = sorted(folder().glob("*.eml"), reverse=True)[:LISTED] if folder().is_dir() else []
    return [_message(path, _parse(path, headers_only=True)) for path in paths]


def _path(name: str) -> Path:
    path = folder() / name
    if not NAME.match(name) or not path.is_file():
        raise Http404(_("Messaggio non trovato."))
    return path


def read(name: str) -> tuple[OutboxMessage, str]:
    """The message called `name` and its HTML part ("" when it has none)."""
    path = _path(name)
    parsed = _parse(path, headers_only=False)
    message = _message(path, parsed)
    text = parsed.get_body(preferencelist=("plain",))
    html = parsed.get_body(preferencelist=("html",))
    message.text = text.get_content() if text else ""
    message.has_html = html is not None
    message.attachments = tuple(
        part.get_filename() or part.get_content_type() for part in parsed.iter_attachments()
    )
    return message, html.get_content() if html else ""


def _allowed(request) -> None:
    if not enabled():
        raise Http404(_("La posta in uscita si vede solo in sviluppo."))
    if not request.user.is_staff:
        raise PermissionDenied


def outbox_index(request):
    _allowed(request)
    return TemplateResponse(
        request,
        "portal/admin/outbox.html",
        {"header_title": _("Posta in uscita"), "messages_sent": newest(), "folder": folder()},
    )


def outbox_message(request, name):
    _allowed(request)
    message, _html = read(name)
    return TemplateResponse(
        request,
        "portal/admin/outbox_message.html",
        {"header_title": message.subject or _("Posta in uscita"), "message": message},
    )


def outbox_html(request, name):
    """The HTML part as the recipient's mail client would show it: its inline styles allowed,
    no script, sandboxed, on a page of its own (the admin's CSP forbids inline styles)."""
    _allowed(request)
    _message_read, html = read(name)
    if not html:
        raise Http404(_("Messaggio senza parte HTML."))
    response = HttpResponse(html)
    response._csp_exempt = True  # django-csp: this response sets its own policy
    response["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline'"
    )
    return response
