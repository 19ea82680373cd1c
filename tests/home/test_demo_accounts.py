"""The demo accounts never keep the well-known password under production settings (issue 11,
defect 9): `make serve-prod` gets a random password printed once; `make run` keeps its
documented `admin` / `pistoia2030-demo`."""

import re
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from home.demo import site, stories
from tests.portal.test_settings import PRODUCTION_ENV, run_manage

DEMO_USERS = ("admin", "redazione", "moderazione")


def printed_passwords(output: str) -> set[str]:
    return set(re.findall(r"(?:admin|redazione|moderazione) / (\S+)", output))


def test_production_settings_have_no_demo_password():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(repr(settings.DEMO_ADMIN_PASSWORD))",
        "--settings=portal.settings.production",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip().splitlines()[-1] == "''", result.stderr


def test_development_keeps_the_documented_demo_password():
    assert settings.DEMO_ADMIN_PASSWORD == settings.DEMO_PASSWORD == "pistoia2030-demo"


def test_production_like_run_gets_a_random_password_printed_once(demo, settings):
    settings.DEMO_ADMIN_PASSWORD = ""  # as portal.settings.production without the variable
    users = get_user_model().objects
    # The shared demo has no account yet. An earlier run left the well-known password on one:
    # it is replaced too.
    users.create_user("redazione", "redazione@pistoia2030.it", "pistoia2030-demo")
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    output = out.getvalue()
    passwords = printed_passwords(output)
    assert len(passwords) == 1, output
    password = passwords.pop()
    assert password != "pistoia2030-demo" and len(password) >= 12
    for username in DEMO_USERS:
        user = users.get(username=username)
        assert not user.check_password("pistoia2030-demo"), username
        assert user.check_password(password), username
    assert users.get(username="admin").is_superuser

    again = StringIO()
    site.build_admin(again, site.demo_password())
    stories.build_editorial_users(again, site.demo_password())
    assert not printed_passwords(again.getvalue())  # printed once, kept afterwards
    assert users.get(username="admin").check_password(password)
