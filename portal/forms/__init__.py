"""The public-form kit: what every form an anonymous visitor can send is built on.

A public form (join request, story, event registration, newsletter…) uses it like this::

    from portal.forms import (
        ImageUploadField, PlainTextField, PublicForm, PublicFormView, RateLimit,
        SingleLineField, store_image,
    )

    class ContactForm(PublicForm):                      # or PublicModelForm
        name = SingleLineField(label=_("Nome"), max_length=120)   # refuses line breaks
        message = PlainTextField(label=_("Messaggio"), widget=forms.Textarea)
        photo = ImageUploadField(label=_("Foto"), max_side=4000)  # → an ImageUpload or None

    class ContactView(PublicFormView):
        form_class = ContactForm
        rate_limit = RateLimit(
            group="contacts.message", setting="CONTACTS_RATE", default="5/h",
            message=_("Hai inviato troppi messaggi. Riprova tra un'ora, grazie."),
        )

        def render(self, form, status=200): ...   # the page with the form
        def thanks(self): ...                     # redirect to the thank-you answer
        def form_valid(self, form): ...           # save in a transaction, notify, thanks()

    # in the page's route:  return ContactView(request, page).response()

and its template includes ``{% include "components/honeypot.html" %}`` inside the ``<form>``.

What each piece does:

- **Honeypot** (`PublicForm`, `PublicModelForm`): one field name, `HONEYPOT_NAME`
  ("homepage"), hidden by portal.css's `.hp-field`. A filled honeypot gets `thanks()`: the
  same answer as a good submission, and nothing is validated, saved or sent.
- **Rate limit** (`RateLimit`): django-ratelimit on the shared cache, per client address
  (`RATELIMIT_IP_META_KEY` behind a proxy, see `client_address`); every POST counts. Over the
  limit the view shows the form again with the message and status 429; views without a form
  answer `too_many_requests(request)`, the 429 page (429.html).
- **Text** (`SingleLineField`, `PlainTextField`, `plain_text`): tags stripped and entities
  decoded until the text is stable, control characters removed; what is stored contains no
  markup, so it is safe in HTML, CSV and JSON. Single-line fields (names, titles, anything in
  an e-mail subject) refuse line breaks with a message; `PlainTextField(collapse=True)` joins
  lines instead.
- **Images** (`ImageUploadField`, `store_image`): JPEG, PNG or WebP by content; at most
  `max_bytes` (default `PUBLIC_UPLOAD_MAX_BYTES`), `max_side` pixels per side and
  `PUBLIC_UPLOAD_MAX_PIXELS` in all, read from the header; bombs (Pillow's DecompressionBomb)
  refused. `store_image` saves it and queues its re-encoding from fresh pixels in the
  background (the worker), so EXIF/GPS, PNG text chunks, ICC profiles and bytes appended after
  the image are gone, and no web process decodes a large picture.
- **Request size**: `portal.middleware.RequestSizeLimitMiddleware` refuses bodies over
  `REQUEST_MAX_BYTES` (admin: `ADMIN_REQUEST_MAX_BYTES`) before reading them (413.html).
"""

from .base import HONEYPOT_NAME, HoneypotMixin, PublicForm, PublicFormView, PublicModelForm
from .images import (
    CleanImage,
    ImageError,
    ImageUpload,
    ImageUploadField,
    public_upload_max_bytes,
    reencode,
    store_image,
)
from .limits import RateLimit, client_address, too_many_requests
from .text import PlainTextField, SingleLineField, one_line, plain_text

__all__ = [
    "HONEYPOT_NAME",
    "CleanImage",
    "HoneypotMixin",
    "ImageError",
    "ImageUpload",
    "ImageUploadField",
    "PlainTextField",
    "PublicForm",
    "PublicFormView",
    "PublicModelForm",
    "RateLimit",
    "SingleLineField",
    "client_address",
    "one_line",
    "plain_text",
    "public_upload_max_bytes",
    "reencode",
    "store_image",
    "too_many_requests",
]
