from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page: int | None = None):
    """Return the page of `items` named by `?page=`; a missing or invalid number is a 404.

    The first page is served when no number is given.
    """
    return page_or_404(request, Paginator(items, per_page or settings.PORTAL_PAGE_SIZE))


def page_or_404(request, paginator: Paginator):
    """The page of `paginator` named by `?page=` (the first when none): out of range is a 404."""
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
