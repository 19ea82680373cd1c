"""The events desk: who may see the registrations, export them and check people in.

Three rights on `courses.Registration`: Django's `view_registration` and our own
`export_registration` and `checkin_registration` (see the model's Meta). The group
"Accoglienza" (front desk staff) holds exactly these, with access to the admin; the editors'
group "Redazione" gets them too. The editors' group is matched by name (`courses` does not
import `stories`): whichever part of the setup runs first creates it.

The participants' answers (`view_feedbackanswer`) go to Redazione and Moderazione, not to the
desk, which sees attendance only (`courses.feedback.reports`).

`setup_events_desk(apps)` is written against an app registry: `home.setup.set_up_portal`, the
setup that the migration `home/0002_portal_setup`, the demo and the tests share, runs it.
"""

DESK = "Accoglienza"
EDITORS = "Redazione"  # stories.editorial.EDITORS
MODERATORS = "Moderazione"  # stories.editorial.MODERATORS

VIEW = "courses.view_registration"
EXPORT = "courses.export_registration"
CHECKIN = "courses.checkin_registration"

# (app_label, model, codename, name)
DESK_PERMISSIONS = [
    ("courses", "registration", "view_registration", "Can view registration"),
    ("courses", "registration", "export_registration", "Può esportare le iscrizioni"),
    ("courses", "registration", "checkin_registration", "Può registrare le presenze"),
]
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
# The participants' answers (courses.feedback.reports): editors and moderators, not the desk.
FEEDBACK = "courses.view_feedbackanswer"
FEEDBACK_PERMISSIONS = [
    ("courses", "feedbackanswer", "view_feedbackanswer", "Can view risposta al questionario"),
]


def _permissions(apps, rows):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model, codename, name in rows:
        content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    return permissions


def setup_events_desk(apps):
    """Create (or complete) the desk group and give the desk rights to it and to the editors."""
    group_model = apps.get_model("auth", "Group")
    desk, _ = group_model.objects.get_or_create(name=DESK)
    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    rights = _permissions(apps, DESK_PERMISSIONS)
    desk.permissions.add(*rights, *_permissions(apps, [ADMIN_ACCESS]))
    editors.permissions.add(*rights)
    feedback = _permissions(apps, FEEDBACK_PERMISSIONS)
    for name in (EDITORS, MODERATORS):
        group_model.objects.get_or_create(name=name)[0].permissions.add(*feedback)
    return desk


def events_desk_group():
    """The desk group, rebuilt if missing (e.g. after a flush)."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=DESK).first() or setup_events_desk(apps)


def can_view(user) -> bool:
    return user.has_perm(VIEW)


def can_export(user) -> bool:
    return user.has_perm(VIEW) and user.has_perm(EXPORT)


def can_check_in(user) -> bool:
    return user.has_perm(CHECKIN)


def can_view_feedback(user) -> bool:
    """The questionnaires' answers and ratings (Redazione, Moderazione)."""
    return user.has_perm(FEEDBACK)


def can_view_attendance(user) -> bool:
    """Attendance figures per event: the desk too, which sees no answer."""
    return can_view(user) or can_view_feedback(user)


def next_events(limit: int = 5) -> list:
    """The next live courses and sessions not yet over, soonest first, each with its seats
    taken (`confirmed_total`) and its waiting list (`waiting_total`) counted in the query.
    Each event once: its original page (registrations live there), not its translations."""
    from django.utils import timezone

    from wagtail.models import Locale

    from .models import CoursePage, RegistrationStatus, SessionPage
    from .models.events import confirmed_count_subquery

    events = []
    for model in (CoursePage, SessionPage):
        events += (
            model.objects.live()
            .filter(end__gte=timezone.now(), locale=Locale.get_default())
            .defer_streamfields()
            .annotate(
                confirmed_total=confirmed_count_subquery(),
                waiting_total=confirmed_count_subquery(RegistrationStatus.WAITING),
            )
            .order_by("start", "pk")[:limit]
        )
    return sorted(events, key=lambda event: (event.start, event.pk))[:limit]
