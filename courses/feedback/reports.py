"""The editors' reports in the admin («Valutazione», /admin/valutazione/).

Per event: attendance (registered, confirmed, present, absent, waiting list, attendance rate)
and, for Redazione and Moderazione only, the response rate, the average rating and the share who
would recommend; then the same rolled up per phase and per goal of the programme, and a CSV or
XLSX export of the events' table (every text cell through `portal.csv`'s formula guard). An
event's own page adds the distribution of every scale and choice, the open answers and the
needs. The events desk (Accoglienza) sees attendance only. No figure from answers is shown from
fewer than 5 answers, here too: editors know who came to a small event.
"""

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page

from innovators.needs import category_counts
from portal.csv import SafeSpreadsheetExportMixin
from portal.numbers import parse_positive_int

from .. import desk
from ..exports import local_datetime
from ..models import CoursePage, FeedbackAnswer, SessionPage
from .ratings import min_answers
from .stats import (
    event_report,
    goal_report,
    held_events,
    kind_labels,
    phase_report,
)

PER_PAGE = 25

ATTENDANCE_COLUMNS = {
    "event": gettext_lazy("Evento"),
    "kind": gettext_lazy("Tipo"),
    "phase": gettext_lazy("Fase"),
    "end": gettext_lazy("Concluso il"),
    "registered": gettext_lazy("Iscrizioni"),
    "confirmed": gettext_lazy("Confermate"),
    "present": gettext_lazy("Presenti"),
    "absent": gettext_lazy("Assenti"),
    "waiting": gettext_lazy("In lista d'attesa"),
    "attendance_rate": gettext_lazy("Tasso di presenza (%)"),
}
FEEDBACK_COLUMNS = {
    "answers": gettext_lazy("Risposte"),
    "response_rate": gettext_lazy("Tasso di risposta (%)"),
    "average": gettext_lazy("Valutazione media"),
    "recommend_share": gettext_lazy("Lo consiglierebbero (%)"),
}


def report_row(row, with_feedback: bool) -> dict:
    """One event's row of the export, keyed by the columns' names; numbers stay numbers."""
    event = row.event or {}
    values = {
        "event": row.label,
        "kind": event.get("kind", ""),
        "phase": event.get("phase", ""),
        "end": local_datetime(event.get("end")),
        "registered": row.attendance.registered,
        "confirmed": row.attendance.confirmed,
        "present": row.attendance.present,
        "absent": row.attendance.absent,
        "waiting": row.attendance.waiting,
        "attendance_rate": row.attendance.rate,
    }
    if with_feedback:
        values.update(
            answers=row.rating.answers,
            response_rate=row.response_rate,
            average=row.rating.average,
            recommend_share=row.rating.recommend_share,
        )
    return {key: "" if value is None else value for key, value in values.items()}


class EvaluationReportView(SafeSpreadsheetExportMixin, SpreadsheetExportMixin, View):
    """/admin/valutazione/: the events' table, paginated, and the roll-ups; `?export=csv|xlsx`."""

    export_filename = "valutazione-eventi"

    def dispatch(self, request, *args, **kwargs):
        if not desk.can_view_attendance(request.user):
            raise PermissionDenied
        self.with_feedback = desk.can_view_feedback(request.user)
        self.export_headings = {
            **ATTENDANCE_COLUMNS,
            **(FEEDBACK_COLUMNS if self.with_feedback else {}),
        }
        self.list_export = list(self.export_headings)
        return super().dispatch(request, *args, **kwargs)

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def to_row_dict(self, item):
        return report_row(item, self.with_feedback)

    def get(self, request):
        events = held_events()
        if self.is_export:
            return self.as_spreadsheet(event_report(events), request.GET["export"])
        paginator = Paginator(events, PER_PAGE)
        number = parse_positive_int(request.GET.get("p", "1")) or 1
        if number > paginator.num_pages:
            raise Http404
        page = paginator.page(number)
        return TemplateResponse(
            request,
            "courses/feedback/admin/report.html",
            {
                "header_title": _("Valutazione"),
                "with_feedback": self.with_feedback,
                "rows": event_report(list(page.object_list)),
                "page_obj": page,
                "goals": goal_report(),
                "phases": phase_report(),
                "csv_url": self.csv_export_url,
                "xlsx_url": self.xlsx_export_url,
                "min_answers": min_answers(),
            },
        )


def _distribution(values, choices) -> list[dict]:
    counts = Counter(values)
    total = sum(counts.values()) or 1
    return [
        {
            "label": label,
            "count": counts.get(key, 0),
            "share": round(100 * counts.get(key, 0) / total),
        }
        for key, label in choices
    ]


def questions_report(event, answers: list[dict]) -> list[dict]:
    """Every question of `event`'s questionnaire with its distribution (from 5 answers to it)
    or its open answers."""
    questions = [
        {
            "question": _("Com'è andata, nel complesso? (1–5)"),
            "distribution": _distribution(
                [answer["rating"] for answer in answers], [(n, str(n)) for n in range(1, 6)]
            ),
        }
    ]
    for block in event.questionnaire:
        given = [answer["answers"][block.id] for answer in answers if block.id in answer["answers"]]
        item = {"question": block.value["question"], "count": len(given)}
        if block.block_type != "text" and len(given) < min_answers():
            item["insufficient"] = True  # an optional question few answered: no one singled out
        elif block.block_type == "scale":
            item["distribution"] = _distribution(given, [(n, str(n)) for n in range(1, 6)])
        elif block.block_type == "recommend":
            item["distribution"] = _distribution(given, [(n, str(n)) for n in range(11)])
        elif block.block_type == "choice":
            flat = [value for one in given for value in (one if isinstance(one, list) else [one])]
            item["distribution"] = _distribution(flat, list(enumerate(block.value["options"])))
        else:
            item["texts"] = [text for text in given if isinstance(text, str)]
        questions.append(item)
    return questions


def event_detail(request, event_id: int):
    """/admin/valutazione/<id>/: one event's attendance, and its answers for the editors."""
    if not desk.can_view_attendance(request.user):
        raise PermissionDenied
    page = Page.objects.filter(pk=event_id).type(CoursePage, SessionPage).first()
    if page is None:
        raise Http404
    event = page.specific
    held = held_events(pk=event.pk)
    if not held:
        raise Http404
    row = event_report(held)[0]
    context = {
        "header_title": event.title,
        "event": event,
        "row": row,
        "kind": kind_labels().get(event.content_type_id, ""),
        "with_feedback": desk.can_view_feedback(request.user),
        "min_answers": min_answers(),
    }
    if context["with_feedback"] and row.rating.enough:
        answers = list(
            FeedbackAnswer.objects.filter(event_id=event.pk).values(
                "rating", "recommend", "answers", "needs_other"
            )
        )
        needs = category_counts(
            FeedbackAnswer.needs.through.objects.filter(feedbackanswer__event_id=event.pk)
        )
        context.update(
            questions=questions_report(event, answers),
            needs=needs,
            needs_other=[answer["needs_other"] for answer in answers if answer["needs_other"]],
        )
    return TemplateResponse(request, "courses/feedback/admin/event.html", context)
