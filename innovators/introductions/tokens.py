"""The links of the request e-mail: signed (`django.core.signing.TimestampSigner`) with the
request's id and the digest of the address it was sent to, valid `INTRODUCTIONS_ANSWER_DAYS`
(14). A link answers once: the request must still be open (`Introduction.state`)."""

from django.conf import settings
from django.core import signing

SALT = "innovators.introductions.answer"
TOKEN_MAX_LENGTH = 300


def answer_days() -> int:
    return int(getattr(settings, "INTRODUCTIONS_ANSWER_DAYS", 14))


def make_token(introduction_id: int, person_digest: str) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"i": introduction_id, "p": person_digest}
    )


def read_token(token: str) -> tuple[int, str] | None:
    """(introduction id, person digest) of a valid, unexpired token, else None."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=answer_days() * 24 * 3600
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict):
        return None
    introduction_id, person = data.get("i"), data.get("p")
    if not isinstance(introduction_id, int) or not isinstance(person, str):
        return None
    return introduction_id, person
