"""The development outbox (portal/outbox.py): every e-mail kept in a folder, whichever process
sent it, and listed for staff in the admin; a 404 where it is off."""

import io

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives

import pytest

from portal import outbox
from tests.html import parse


@pytest.fixture
def dev_outbox(settings, tmp_path):
    settings.EMAIL_BACKEND = outbox.BACKEND
    settings.EMAIL_FILE_PATH = tmp_path / "outbox"
    return tmp_path / "outbox"


@pytest.fixture
def staff(client, db):
    user = get_user_model().objects.create_superuser("sviluppo", "dev@example.org", "x")
    client.force_login(user)
    return client


def in_menu(client) -> bool:
    """The admin's menu (drawn by script from the page's JSON) has the outbox."""
    return '"/admin/posta-in-uscita/"' in client.get("/admin/").content.decode()


def send_newsletter_like():
    message = EmailMultiAlternatives(
        "Le novità di Pistoia2030",
        "Leggi: http://portal.example:8100/storie/\n",
        to=["lettrice@example.org"],
    )
    message.attach_alternative(
        '<p style="color:#0b5e55"><a href="http://portal.example:8100/storie/">Storie</a></p>',
        "text/html",
    )
    message.attach("corso.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.send()


def test_each_message_is_one_file_and_a_line_on_the_console(dev_outbox):
    console = io.StringIO()
    backend = outbox.OutboxBackend(stream=console)
    messages = [
        mail.EmailMessage(f"Messaggio {n}", "Testo", to=[f"n{n}@example.org"]) for n in range(3)
    ]
    assert backend.send_messages(messages) == 3  # one connection, three files
    files = sorted(dev_outbox.glob("*.eml"))
    assert len(files) == 3 and all(outbox.NAME.match(path.name) for path in files)
    assert not list(dev_outbox.glob(".*"))  # nothing half-written left
    assert console.getvalue().count("E-mail «Messaggio") == 3
    assert str(dev_outbox) in console.getvalue()


def test_staff_read_the_outbox(staff, dev_outbox):
    send_newsletter_like()
    assert in_menu(staff)

    listing = parse(staff.get("/admin/posta-in-uscita/"))
    [link] = listing.select("table.listing tbody a")
    assert link.get_text() == "Le novità di Pistoia2030"
    assert "lettrice@example.org" in listing.select_one("table.listing tbody").get_text()

    page = parse(staff.get(link["href"]))
    text = page.select_one("pre.outbox-text")
    assert text.select_one('a[href="http://portal.example:8100/storie/"]')
    assert "corso.ics" in page.get_text()
    html_link = page.select_one('a[href$="/html/"]')["href"]
    response = staff.get(html_link)
    assert response.status_code == 200
    assert '<p style="color:#0b5e55">' in response.content.decode()
    assert response["Content-Security-Policy"].startswith("sandbox;")


def test_only_staff_and_only_in_development(client, staff, dev_outbox, settings):
    send_newsletter_like()
    [name] = [path.name for path in dev_outbox.glob("*.eml")]
    assert staff.get("/admin/posta-in-uscita/nessuno.eml/").status_code == 404
    assert staff.get("/admin/posta-in-uscita/..%2Fsecret_key/").status_code == 404

    editor = get_user_model().objects.create_user("redattrice", "r@example.org", "x")
    editor.user_permissions.add(*_admin_access())
    client.force_login(editor)
    assert client.get(f"/admin/posta-in-uscita/{name}/").status_code in {302, 403}
    assert not in_menu(client)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(get_user_model().objects.get(username="sviluppo"))
    assert client.get("/admin/posta-in-uscita/").status_code == 404
    assert not in_menu(client)


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")
