"""«Invia ora» as production runs it: the request answers at once and a process of its own sends
the issue (`newsletter.admin_views.start_in_background`), on a real database file that both
processes open."""

import json

from tests.databases import run_python, separate_database


def test_send_now_hands_the_issue_to_a_process_of_its_own(tmp_path, migrated_sqlite):
    with separate_database(tmp_path, migrated_sqlite) as url:
        result = run_python(url, "-m", "tests.newsletter.background_send")
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {
        "status": 302,
        "finished_when_answered": [False],  # opened by the request, not sent in it
        "finished": True,
        "recipients": 3,
        "failures": 0,
        "sent_by": "moderazione",
    }
