"""Phase 4, Valutazione: the questionnaire after an event and what its answers add up to.

- `blocks.py`: the questions editors write on an event page (`EventPage.questionnaire`), and the
  default questionnaire new courses and sessions start from;
- `links.py`: the signed link each participant checked in gets, valid once for 30 days;
- `requests.py`: who is asked and when (`manage.py send_feedback_requests`, daily);
- `forms.py`, `views.py`: the questionnaire page (`/valutazione/<token>/`);
- `stats.py`: attendance and answers added up, never shown from fewer than 5 answers;
- `reports.py`: the editors' reports in the admin, with their CSV and XLSX exports.

The answers (`courses.models.feedback`) hold no person: docs/evaluation.md, docs/security.md.
"""
