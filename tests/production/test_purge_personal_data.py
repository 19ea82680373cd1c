"""`manage.py purge_personal_data`: past registrations anonymised, rejected stories and stale
join requests deleted, everything recent or live left alone."""

import datetime
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision

import pytest

from courses.factories import CoursePageFactory, RegistrationFactory
from innovators.factories import InnovatorFactory
from innovators.models import Innovator
from portal.models import PortalImage
from portal.privacy import ANONYMOUS_DOMAIN, registered
from stories.factories import StoryPageFactory, StorySubmissionFactory
from stories.models import StoryPage, StorySubmission
from stories.models.submissions import SubmissionStatus
from tests.images import image_bytes

OLD = timezone.now() - datetime.timedelta(days=400)
SECURITY_DOC = Path(__file__).resolve().parents[2] / "docs/security.md"


def backdate(model, pk, **fields):
    model.objects.filter(pk=pk).update(**fields)


@pytest.fixture
def data(site):
    past_course = CoursePageFactory(
        parent=site["course_index"],
        title="Corso passato",
        start=OLD - datetime.timedelta(days=1),
        end=OLD,
        registration_opens=None,
        registration_closes=None,
    )
    old_registration = RegistrationFactory(
        event=past_course, name="Anna Bianchi", email="anna@example.org", needs="Rampa"
    )
    current_registration = RegistrationFactory(event=site["course"], name="Bruno Neri")

    draft = StoryPageFactory(parent=site["story_index"], title="Respinta", live=False)
    draft.first_published_at = None
    draft.save()
    photo = PortalImage.objects.create(title="Foto", file=_png())
    draft.image = photo
    draft.save_revision()
    draft.save()
    rejected = StorySubmissionFactory(status=SubmissionStatus.REJECTED, story=draft)
    backdate(StorySubmission, rejected.pk, created_at=OLD)
    recent_rejected = StorySubmissionFactory(status=SubmissionStatus.REJECTED)
    old_received = StorySubmissionFactory(status=SubmissionStatus.RECEIVED)
    backdate(StorySubmission, old_received.pk, created_at=OLD)

    stale_request = InnovatorFactory(
        name="Mai pubblicato", live=False, first_published_at=None, contact_email="a@b.it"
    )
    stale_request.save_revision()
    backdate(Innovator, stale_request.pk, created_at=OLD)
    recent_request = InnovatorFactory(name="Richiesta recente", live=False, first_published_at=None)
    return {
        "old_registration": old_registration,
        "current_registration": current_registration,
        "draft": draft,
        "photo": photo,
        "rejected": rejected,
        "recent_rejected": recent_rejected,
        "old_received": old_received,
        "stale_request": stale_request,
        "recent_request": recent_request,
    }


def _png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("foto.png", image_bytes("PNG", (8, 8)))


def test_purge_after_the_retention_period(data, capsys):
    call_command("purge_personal_data", "--days", "365")
    out = capsys.readouterr().out
    assert "iscrizioni anonimizzate: 1" in out

    old = data["old_registration"]
    old.refresh_from_db()
    assert (old.name, old.organisation, old.needs) == ("", "", "")
    assert old.email.endswith(f"@{ANONYMOUS_DOMAIN}")
    assert old.status == "confirmed"  # counts still hold
    data["current_registration"].refresh_from_db()
    assert data["current_registration"].name == "Bruno Neri"

    assert not StorySubmission.objects.filter(pk=data["rejected"].pk).exists()
    assert not StoryPage.objects.filter(pk=data["draft"].pk).exists()
    assert not PortalImage.objects.filter(pk=data["photo"].pk).exists()
    assert not Revision.objects.filter(object_id=str(data["draft"].pk)).exists()
    assert StorySubmission.objects.filter(pk=data["recent_rejected"].pk).exists()
    assert StorySubmission.objects.filter(pk=data["old_received"].pk).exists()

    assert not Innovator.objects.filter(pk=data["stale_request"].pk).exists()
    assert not Revision.objects.filter(
        object_id=str(data["stale_request"].pk), base_content_type__model="innovator"
    ).exists()
    assert Innovator.objects.filter(pk=data["recent_request"].pk).exists()
    assert Innovator.objects.filter(pk=data["stale_request"].pk).count() == 0
    assert Innovator.objects.filter(live=True).exists()  # published innovators untouched

    # Idempotent.
    call_command("purge_personal_data", "--days", "365")
    assert "iscrizioni anonimizzate: 0" in capsys.readouterr().out


def test_dry_run_counts_and_keeps_everything(data, capsys):
    call_command("purge_personal_data", "--days", "365", "--dry-run")
    out = capsys.readouterr().out
    assert "iscrizioni anonimizzate: 1" in out
    assert "storie respinte eliminate: 1" in out
    assert "richieste di adesione eliminate: 1" in out
    data["old_registration"].refresh_from_db()
    assert data["old_registration"].name == "Anna Bianchi"
    assert StorySubmission.objects.filter(pk=data["rejected"].pk).exists()


def test_the_period_comes_from_the_settings(data, settings, capsys):
    settings.PERSONAL_DATA_RETENTION_DAYS = 1000
    call_command("purge_personal_data")
    assert "iscrizioni anonimizzate: 0" in capsys.readouterr().out
    data["old_registration"].refresh_from_db()
    assert data["old_registration"].name == "Anna Bianchi"


def test_the_report_names_every_kind_in_order(data, capsys):
    call_command("purge_personal_data", "--days", "365", "--dry-run")
    assert capsys.readouterr().out.strip() == (
        "Da eliminare (prova): iscrizioni anonimizzate: 1, storie respinte eliminate: 1, "
        "richieste di adesione eliminate: 1, profili rimossi dagli innovatori: 0, "
        "accessi all'area degli innovatori eliminati: 0, persone degli innovatori eliminate: 0, "
        "presentazioni tra innovatori anonimizzate: 0, immagini eliminate: 0, "
        "richieste di iscrizione alla newsletter scadute: 0, indirizzi disiscritti eliminati: 0, "
        "attività in background concluse eliminate: 0"
    )


def test_a_photo_a_live_story_shows_is_kept(data, site, capsys):
    site["story"].image = data["photo"]
    site["story"].save_revision().publish()
    call_command("purge_personal_data", "--days", "365")
    assert "immagini eliminate: 0" in capsys.readouterr().out
    assert PortalImage.objects.filter(pk=data["photo"].pk).exists()
    assert not StoryPage.objects.filter(pk=data["draft"].pk).exists()


def test_the_docs_list_every_kind_of_personal_data_the_apps_declare():
    held = SECURITY_DOC.read_text().split("## Who can see it")[0]
    models = {record.model._meta.label for record in registered()}
    assert models == {
        "courses.Registration",
        "stories.StorySubmission",
        "innovators.Innovator",
        "newsletter.Subscriber",
        "innovators.InnovatorPerson",
        "innovators.ProfileRemoval",
        "auth.User",  # the innovators' area accounts
        "portal.BackgroundTask",  # e-mails queued and sent
        "introductions.Introduction",
    }
    assert all(f"`{label}`" in held for label in models)
