"""The area (/area-innovatori/): the profile as published, its state, what was sent, actions.

Every view here answers only a signed-in innovator's person (`area_view`): anyone else (an
anonymous reader, an editor signed in to the admin) goes to the sign-in page. Nothing is
cached for anyone else: `never_cache` (private, no-store), and the page cache skips the
area's paths (PAGE_CACHE_EXCLUDED_PREFIXES).
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from innovators import queries
from innovators.area.accounts import (
    SESSION_KEY,
    chosen_innovator,
    innovators_for,
    is_innovator_user,
)
from innovators.area.registry import sections
from innovators.area.state import profile_state


def area_view(view):
    """Only for a signed-in innovator's person; `request.innovators` (those they look after)
    and `request.innovator` (the one chosen, kept in the session) are set."""

    @wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        if not is_innovator_user(request.user):
            return redirect("innovators_area:sign_in")
        request.innovators = innovators_for(request.user.email)
        if not request.innovators:
            return render(request, "innovators/area/none.html", status=200)
        request.innovator = chosen_innovator(request, request.innovators)
        return view(request, *args, **kwargs)

    return wrapper


def public_url(innovator) -> str:
    if not innovator.live:
        return ""
    base = queries.directory_path(get_language() or innovator.locale.language_code)
    return f"{base}{innovator.slug}/" if base else ""


@area_view
def home(request):
    innovator = request.innovator
    join_request = getattr(innovator, "join_request", None) if _has_join(innovator) else None
    return render(
        request,
        "innovators/area/home.html",
        {
            "innovator": innovator,
            "innovators": request.innovators,
            "state": profile_state(innovator),
            "public_url": public_url(innovator),
            "join_request": join_request,
            "sections": sections(innovator, request),
            "saved": request.GET.get("inviata") == "1",
            "confirmed": request.GET.get("email") == "1",
        },
    )


def _has_join(innovator) -> bool:
    try:
        return innovator.join_request is not None
    except type(innovator).join_request.RelatedObjectDoesNotExist:
        return False


@require_POST
@area_view
def choose(request):
    """Switch to another innovator this person looks after."""
    try:
        pk = int(request.POST.get("innovator", ""))
    except ValueError:
        raise Http404 from None
    if pk not in {innovator.pk for innovator in request.innovators}:
        raise Http404
    request.session[SESSION_KEY] = pk
    return redirect(reverse("innovators_area:home"))
