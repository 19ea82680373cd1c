from django.conf import settings
from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

from portal.cache import cached_for_content


def paginate(request, items, per_page: int | None = None, *, cache_key: str = ""):
    """Return the page of `items` named by `?page=`; a missing or invalid number is a 404.

    The first page is served when no number is given. With a `cache_key` (naming the listing
    and its validated filters), the page's objects, with what they prefetched, and the total
    are cached until the next content change (`portal.cache.cached_for_content`): a listing's
    page then costs no query until something is published.
    """
    per_page = per_page or settings.PORTAL_PAGE_SIZE
    number = request.GET.get("page") or 1
    try:
        if not cache_key:
            return Paginator(items, per_page).page(number)
        number = _page_number(number)
        objects, count = cached_for_content(
            f"page:{cache_key}:{per_page}:{number}", lambda: _snapshot(items, per_page, number)
        )
        if objects is None:
            raise EmptyPage(count)
        return Page(objects, number, Paginator(_Counted(count), per_page))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error


def _page_number(number) -> int:
    """`Paginator.validate_number` without the total: checked against it by `_snapshot`."""
    try:
        number = int(number)
    except (TypeError, ValueError) as error:
        raise PageNotAnInteger(str(error)) from error
    if number < 1:
        raise EmptyPage(f"Page {number} is less than 1")
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
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
