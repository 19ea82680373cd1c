from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page: int | None = None):
    """Return the page of `items` named by `?page=`; a missing or invalid number is a 404.

    The first page is served when no number is given.
    """
    paginator = Paginator(items, per_page or settings.PORTAL_PAGE_SIZE)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
