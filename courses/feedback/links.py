"""The questionnaire link: signed, for one answer, valid `FEEDBACK_LINK_DAYS` (30) days.

The token is the registration's id signed with a timestamp (`django.core.signing`, checked with
`max_age`). The link is used up by a `FeedbackLinkUse` row holding a keyed hash of that id
(`use_key`), created in the same transaction as the answer: a second answer through the link
finds the row and is refused. Neither the row nor the answer names the registration, and the
answer does not name the row.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from portal.links import absolute_url

SALT = "courses.feedback.link"
USE_SALT = "courses.feedback.use"


def link_days() -> int:
    return getattr(settings, "FEEDBACK_LINK_DAYS", 30)


def make_token(registration_id: int) -> str:
    return signing.dumps(registration_id, salt=SALT)


def read_token(token: str) -> int | None:
    """The registration id of a valid, unexpired token; None otherwise."""
    try:
        value = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=link_days()))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def use_key(registration_id: int) -> str:
    return salted_hmac(USE_SALT, str(registration_id), algorithm="sha256").hexdigest()


def use_expires_on() -> datetime.date:
    """When a used link's row may be deleted: the link has expired by then whatever its age."""
    return timezone.localdate() + datetime.timedelta(days=link_days() + 1)


def questionnaire_url(registration_id: int) -> str:
    """The absolute link, in the active language (call under the participant's)."""
    return absolute_url(reverse("courses_feedback", args=[make_token(registration_id)]))
