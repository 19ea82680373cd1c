"""The questionnaire after an event, on a phone: axe finds nothing on the page, empty or sent
with errors, in both languages; every choice is a target of at least 44 pixels. Read-only over
the shared demo (nothing is answered: the demo's figures stay as they are)."""

import json

import pytest
from axe_playwright_python.base import AXE_SCRIPT, AxeResults

from courses.feedback.links import make_token
from courses.models import Registration
from tests.browser.test_security_headers import RECORD_VIOLATIONS, VIOLATIONS

PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def token(demo_server, django_db_blocker) -> str:
    with django_db_blocker.unblock():
        registration = Registration.objects.filter(attended_at__isnull=False).first()
        return make_token(registration.pk)


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="it-IT", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.add_init_script(RECORD_VIOLATIONS)
    page.add_init_script(AXE_SCRIPT)
    yield page
    context.close()


def violations(page) -> list[str]:
    results = AxeResults(page.evaluate(f"axe.run({json.dumps({'resultTypes': ['violations']})})"))
    found = [results.generate_report()] if results.violations_count else []
    if blocked := page.evaluate(VIOLATIONS):
        found.append(f"CSP blocked {blocked}")
    return found


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_questionnaire_is_accessible_on_a_phone(phone, demo_server, token, prefix):
    phone.goto(f"{demo_server.url}{prefix}/valutazione/{token}/")
    assert phone.locator("input[type=radio][name=rating]").count() == 5
    assert not violations(phone)
    box = phone.locator("label.feedback__choice").first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing overflows sideways
    phone.locator("form.feedback__form button[type=submit]").click()
    phone.locator("[role='alert']").first.wait_for()
    assert not violations(phone)
