"""The moderators' view of introductions (/admin/presentazioni/, `introductions.view_introduction`,
held by Moderazione): how many were asked, accepted, declined or expired, by month, and the abuse
reports. The messages are never listed: a reported one only, which its receiver sent to the
moderators by reporting it."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from innovators.introductions.models import Introduction, IntroductionState
from portal.numbers import parse_positive_int

PERMISSION = "introductions.view_introduction"
REPORTS_PER_PAGE = 25
STATE_COUNTS = {
    "asked": Count("pk"),
    "accepted": Count("pk", filter=Q(state=IntroductionState.ACCEPTED)),
    "declined": Count("pk", filter=Q(state=IntroductionState.DECLINED)),
    "expired": Count("pk", filter=Q(state=IntroductionState.EXPIRED)),
    "waiting": Count("pk", filter=Q(state=IntroductionState.ASKED)),
    "reported": Count("pk", filter=Q(reported_at__isnull=False)),
}


def counts() -> dict:
    return Introduction.objects.aggregate(**STATE_COUNTS)


def by_month() -> list[dict]:
    return list(
        Introduction.objects.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(**STATE_COUNTS)
        .order_by("-month")
    )


def reports():
    return (
        Introduction.objects.filter(reported_at__isnull=False)
        .select_related("asker", "receiver")
        .order_by("-reported_at", "-pk")
    )


def report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    paginator = Paginator(reports(), REPORTS_PER_PAGE)
    number = parse_positive_int(request.GET.get("p"), maximum=paginator.num_pages) or 1
    return TemplateResponse(
        request,
        "introductions/admin/report.html",
        {
            "header_title": _("Presentazioni tra innovatori"),
            "counts": counts(),
            "months": by_month(),
            "reports": paginator.get_page(number),
        },
    )
