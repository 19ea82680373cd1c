"""The base of every public form (honeypot) and the view that runs one (rate limit first)."""

from django import forms
from django.http import HttpResponse

from .limits import RETRY_AFTER_SECONDS, RateLimit

# One honeypot name on every public form; rendered by components/honeypot.html, hidden by the
# `.hp-field` rule of portal.css.
HONEYPOT_NAME = "homepage"


class HoneypotMixin:
    """`is_spam` is true when the hidden field was filled in (by a bot)."""

    honeypot_name = HONEYPOT_NAME

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(self.honeypot_name))


class PublicForm(HoneypotMixin, forms.Form):
    pass


class PublicModelForm(HoneypotMixin, forms.ModelForm):
    pass


class PublicFormView:
    """One public form, declared: set `form_class` and `rate_limit`, implement `render` and
    `form_valid`, and `thanks` (the answer to a valid form, also given to a filled honeypot).

    On POST: the rate limit counts the request; a filled honeypot gets `thanks()` and nothing
    is validated or saved; over the limit, the form comes back with `rate_limit.message` and
    status 429 (not validated: no upload is decoded); a valid form goes to `form_valid`, which
    returns the response (or None after adding errors to the form, to show it again).
    """

    form_class: type[forms.BaseForm]
    rate_limit: RateLimit

    def __init__(self, request, page):
        self.request = request
        self.page = page

    def get_form_kwargs(self) -> dict:
        return {}

    def render(self, form, status: int = 200) -> HttpResponse:
        raise NotImplementedError

    def thanks(self) -> HttpResponse:
        raise NotImplementedError

    def form_valid(self, form) -> HttpResponse | None:
        raise NotImplementedError

    def response(self) -> HttpResponse:
        if self.request.method != "POST":
            return self.render(self.form_class(**self.get_form_kwargs()))
        form = self.form_class(self.request.POST, self.request.FILES, **self.get_form_kwargs())
        limited = self.rate_limit.exceeded(self.request)
        if form.is_spam:
            return self.thanks()
        if limited:
            form.add_error(None, self.rate_limit.message)
            response = self.render(form, 429)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        if form.is_valid():
            response = self.form_valid(form)
            if response is not None:
                return response
        return self.render(form)
