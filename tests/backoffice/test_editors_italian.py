"""The admin's Italian as Redazione and Moderazione read it (issue 27, «The admin as the editors
found it»): the «Blocco» side panel of an item in review, Wagtail's workflow e-mails about pages
and snippets (no «è stato approvato» for an «offerta» or a «fase»), and the dashboard's link to
our editors' guide instead of Wagtail's English one."""

from django.core import mail
from django.urls import reverse

from wagtail.admin.utils import get_latest_str

import pytest
from bs4 import BeautifulSoup

from innovators.factories import OfferFactory
from stories.editorial import WORKFLOW_NAME

TASK = "Approvazione della Moderazione"


def parse_html(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def offer(site):
    return OfferFactory(innovator=site["innovator"], title="Mentoring per startup")


@pytest.fixture
def reviewed(site, offer, phases):
    return {"page": site["story"], "offer": offer, "phase": phases[2]}


def submit(obj, user):
    """`obj` with a change sent for review by `user`; its task state waiting."""
    obj.save_revision(user=user)
    return obj.get_workflow().start(obj, user).current_task_state


def edit_url(obj) -> str:
    if hasattr(obj, "snippet_viewset"):
        return reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])
    return reverse("wagtailadmin_pages:edit", args=[obj.pk])


def action_url(obj, action: str, task_state) -> str:
    if hasattr(obj, "snippet_viewset"):
        name = obj.snippet_viewset.get_url_name("workflow_action")
    else:
        name = "wagtailadmin_pages:workflow_action"
    return reverse(name, args=[obj.pk, action, task_state.pk])


def lock_panel(client, obj) -> tuple[str, str]:
    """The «Blocco» section of the edit view's status panel: its title and its help text."""
    response = client.get(edit_url(obj))
    assert response.status_code == 200
    html = parse_html(response.content.decode())
    prefix = next(span for span in html.select("h3 .w-sr-only") if "Blocco:" in span.text)
    heading = prefix.parent
    help_text = heading.find_next_sibling(class_="w-help-text")
    prefix.extract()
    return heading.get_text(strip=True), help_text.get_text(strip=True)


@pytest.mark.parametrize("kind", ["page", "offer"])
def test_the_lock_panel_of_an_item_in_review(client, reviewed, redazione, moderazione, kind):
    """Wagtail's Italian said «I revisori possono modificare pagina – bloccalo …»."""
    obj = reviewed[kind]
    submit(obj, redazione)

    client.force_login(moderazione)
    assert lock_panel(client, obj) == (
        "Blocco non attivo",
        "I revisori possono fare modifiche: attiva «Blocca» per impedirle agli altri revisori",
    )
    client.force_login(redazione)
    assert lock_panel(client, obj) == (
        "Blocco del flusso di lavoro",
        "Solo i revisori possono fare modifiche e approvare la revisione",
    )


def mail_to(user) -> mail.EmailMessage:
    [message] = [message for message in mail.outbox if user.email in message.to]
    return message


def text(message) -> str:
    """The e-mail's text, its lines joined (Wagtail's notices are plain text here)."""
    return " ".join(message.body.split())


@pytest.mark.parametrize(
    ("kind", "model_name"), [("offer", "offerta o richiesta"), ("phase", "fase del programma")]
)
def test_the_approval_mail_about_a_snippet_agrees_with_any_gender(
    client,
    reviewed,
    redazione,
    moderazione,
    kind,
    model_name,
):
    obj = reviewed[kind]
    task_state = submit(obj, redazione)
    mail.outbox.clear()
    client.force_login(moderazione)
    assert client.post(action_url(obj, "approve", task_state)).status_code == 302

    message = mail_to(redazione)
    approved = f'La revisione di "{get_latest_str(obj)}" ({model_name}) è stata approvata'
    assert message.subject == f'{approved} in "{WORKFLOW_NAME}".'
    sentence = f'{approved} nel flusso di lavoro "{WORKFLOW_NAME}".'
    assert sentence in text(message)
    assert "è stato approvato" not in text(message)


def test_the_approval_mail_about_a_page(client, reviewed, redazione, moderazione):
    page = reviewed["page"]
    task_state = submit(page, redazione)
    mail.outbox.clear()
    client.force_login(moderazione)
    assert client.post(action_url(page, "approve", task_state)).status_code == 302

    message = mail_to(redazione)
    sentence = f'La pagina "{page.title}" è stata approvata nel flusso di lavoro "{WORKFLOW_NAME}".'
    assert sentence in text(message)  # Wagtail's Italian: «"…"è stata approvata»


def test_the_mails_of_a_snippet_sent_back_and_submitted(client, offer, redazione, moderazione):
    task_state = submit(offer, redazione)
    submitted = mail_to(moderazione)
    assert f'Da approvare nella fase di moderazione "{TASK}": offerta o richiesta' in (
        text(submitted)
    )
    assert "Puoi fare modifiche qui:" in text(submitted)  # not «modificare offerta qui»

    mail.outbox.clear()
    client.force_login(moderazione)
    response = client.post(action_url(offer, "reject", task_state), {"comment": "Manca la data."})
    assert response.status_code == 302
    sent_back = text(mail_to(redazione))
    assert (
        f'Per "{get_latest_str(offer)}" (offerta o richiesta) sono state chieste modifiche '
        f'durante "{TASK}"'
    ) in sent_back
    assert 'Il seguente commento è stato inviato: "Manca la data."' in sent_back
    assert "Puoi fare modifiche qui:" in sent_back


@pytest.mark.parametrize("user", ["redazione", "moderazione"])
def test_the_dashboard_leads_to_our_guide(client, demo_users, user):
    """Not to «Guida all'editor di Wagtail» (guide.wagtail.org, in English)."""
    client.force_login(demo_users[user])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    guide = parse_html(html).find(
        "a", href=reverse("portal_editors_guide"), string="Guida per la redazione"
    )
    assert guide is not None
    assert "guide.wagtail.org" not in html
    assert "Wagtail" not in guide.find_parent("ul").get_text()
