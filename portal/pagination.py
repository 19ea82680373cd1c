from django.conf import settings
from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

from portal.cache import cached_for_content
from portal.numbers import parse_positive_int


def paginate(request, items, per_page: int | None = None, *, cache_key: str = ""):
    """Return the page of `items` named by `?page=`; an invalid or out-of-range number is a 404.

    The first page is served when no number is given. With a `cache_key` (naming the listing
    and its validated filters), the page's objects, with what they prefetched, and the total
    are cached until the next content change (`portal.cache.cached_for_content`): a listing's
    page then costs no query until something is published.
    """
    per_page = per_page or settings.PORTAL_PAGE_SIZE
    number = page_number(request)
    try:
        if not cache_key:
            return Paginator(items, per_page).page(number)
        objects, count = cached_for_content(
            f"page:{cache_key}:{per_page}:{number}", lambda: _snapshot(items, per_page, number)
        )
        if objects is None:
            raise EmptyPage(count)
        return Page(objects, number, Paginator(_Counted(count), per_page))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error


def page_number(request) -> int:
    """The number `?page=` names (1 when it names none), checked against the total later: a
    number that is not ASCII digits from 1 (`portal.numbers`) is a 404 at once."""
    raw = request.GET.get("page") or "1"
    number = parse_positive_int(raw)
    if number is None:
        raise Http404(f"Invalid page number: {raw[:20]!r}")
    return number


def _snapshot(items, per_page: int, number: int):
    paginator = Paginator(items, per_page)
    try:
        return list(paginator.page(number).object_list), paginator.count
    except InvalidPage as error:
        return None, str(error)


class _Counted:
    """What a Paginator needs of a cached listing: its total."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


def page_or_404(request, paginator: Paginator):
    """The page of `paginator` named by `?page=` (the first when none): out of range is a 404."""
    try:
        return paginator.page(page_number(request))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
