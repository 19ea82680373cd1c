"""Images from the public: checked by their header in the request, decoded and saved again in
the background.

`ImageUploadField` refuses, from the file's header alone, what is too large (bytes, pixels per
side, pixels in all) or not a JPEG, PNG or WebP, and decompression bombs, each with an Italian
message; its cleaned value is an `ImageUpload`. `store_image` saves it as a Wagtail image and
queues `encode_upload`, which decodes it (JPEGs at a reduced scale) and re-encodes fresh
pixels, so no EXIF (GPS, camera), no PNG text chunk, no ICC profile and no byte appended after
the image (JPEG/HTML polyglots) survives. Decoding a large picture costs seconds of CPU and
hundreds of MB: in the worker, it never holds a web process that readers wait for. An upload
whose data turns out broken past its header is deleted there, with the reason in the task's
record («Attività in background»).
"""

import io
import logging
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from PIL import Image, ImageOps

from portal.tasks import background_task

logger = logging.getLogger(__name__)

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPT = "image/jpeg,image/png,image/webp"
DEFAULT_MAX_SIDE = 6000


def public_upload_max_pixels() -> int:
    """The most pixels in all a public upload may have (`PUBLIC_UPLOAD_MAX_PIXELS`)."""
    return getattr(settings, "PUBLIC_UPLOAD_MAX_PIXELS", 25_000_000)


def public_upload_max_bytes() -> int:
    """The largest file a public form takes (`PUBLIC_UPLOAD_MAX_BYTES`, default 5 MB)."""
    return getattr(settings, "PUBLIC_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)


def file_size(size: int) -> str:
    """2097152 → "2 MB", 1572864 → "1,5 MB", 20000 → "19,5 kB" (for messages)."""
    value, unit = (size / (1024 * 1024), "MB") if size >= 1024 * 1024 else (size / 1024, "kB")
    value = round(value, 1)
    number = str(int(value)) if value == int(value) else str(value).replace(".", ",")
    return f"{number} {unit}"


@dataclass(frozen=True)
class CleanImage:
    """A re-encoded image: its bytes, format and size."""

    content: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        return FORMATS[self.format]


class ImageError(ValueError):
    """Pillow could not decode the file, or it is a bomb."""


@dataclass(frozen=True)
class ImageUpload:
    """An upload whose header passed the checks, as sent: to be re-encoded (`store_image`)."""

    content: bytes
    format: str
    width: int
    height: int
    output_format: str | None = None
    max_long_side: int | None = None

    @property
    def extension(self) -> str:
        return FORMATS[self.format]


def _open(upload):
    """Pillow's lazy image (header read, nothing decoded), or `ImageError`."""
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageError("pixels") from error
        except (OSError, SyntaxError, ValueError, TypeError, EOFError) as error:
            raise ImageError("not_image") from error
    if picture.format not in FORMATS:
        picture.close()
        raise ImageError("not_image")
    return picture


def check_header(upload, *, max_side: int, max_pixels: int) -> tuple[str, int, int]:
    """(format, width, height) from the header alone; `ImageError` if it is not a JPEG, PNG
    or WebP, or has a side over `max_side` or more than `max_pixels` in all."""
    with _open(upload) as picture:
        width, height = picture.size
        if max(width, height) > max_side:
            raise ImageError("pixels")
        if width * height > max_pixels:
            raise ImageError("megapixels")
        return picture.format, width, height


def _flatten(picture: Image.Image) -> Image.Image:
    """RGB on white (for JPEG)."""
    if picture.mode in ("RGBA", "LA", "P", "PA"):
        picture = picture.convert("RGBA")
        background = Image.new("RGB", picture.size, "white")
        background.paste(picture, mask=picture.getchannel("A"))
        return background
    return picture.convert("RGB")


def reencode(
    upload, *, max_side: int, output_format: str | None = None, max_long_side: int | None = None
) -> CleanImage:
    """Decode `upload` fully and save fresh pixels: nothing but the image survives.

    Raises `ImageError("not_image")` (not a JPEG, PNG or WebP), `ImageError("unreadable")`
    (its data is broken) or `ImageError("pixels")` (a side over `max_side`, or a bomb).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with _open(upload) as picture:
            if max(picture.size) > max_side:
                raise ImageError("pixels")
            if max_long_side and picture.format == "JPEG":
                # Decode at the smallest scale (1/2 … 1/8) still at least max_long_side.
                picture.draft(picture.mode, (max_long_side, max_long_side))
            try:
                picture.load()
                source_format = picture.format
                picture = ImageOps.exif_transpose(picture)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
                raise ImageError("pixels") from error
            except (OSError, SyntaxError, ValueError, TypeError, EOFError) as error:
                raise ImageError("unreadable") from error
    target = output_format or source_format
    try:
        if target == "JPEG":
            picture = _flatten(picture)
        elif picture.mode not in ("RGB", "RGBA"):
            has_alpha = picture.mode in ("LA", "PA", "P") or "transparency" in picture.info
            picture = picture.convert("RGBA" if has_alpha else "RGB")
        if max_long_side:
            picture.thumbnail((max_long_side, max_long_side))
        # Fresh pixels, empty `info`: no EXIF, text chunk, ICC profile or comment carried over.
        fresh = Image.frombytes(picture.mode, picture.size, picture.tobytes())
        buffer = io.BytesIO()
        options = {"quality": 85, "optimize": True} if target in ("JPEG", "WEBP") else {}
        fresh.save(buffer, format=target, **options)
    except (OSError, ValueError) as error:  # a mode Pillow cannot convert or encode
        raise ImageError("unreadable") from error
    return CleanImage(buffer.getvalue(), target, *fresh.size)


class ImageUploadField(forms.FileField):
    """An optional JPEG, PNG or WebP image whose cleaned value is an `ImageUpload`.

    `max_bytes` (a number, or a function read at each upload) defaults to
    `PUBLIC_UPLOAD_MAX_BYTES`; `max_side` caps the pixels per side and
    `PUBLIC_UPLOAD_MAX_PIXELS` the pixels in all (both read from the header, nothing decoded);
    `output_format` forces one format (else the source's); `max_long_side` scales the image
    down. The decoding and re-encoding happen in the background (`store_image`).
    """

    default_error_messages = {
        "too_big": _("Il file è troppo grande: al massimo %(size)s."),
        "too_many_pixels": _("L'immagine è troppo grande: al massimo %(pixels)s pixel per lato."),
        "too_many_megapixels": _(
            "L'immagine ha troppi pixel: al massimo %(megapixels)s milioni di pixel in tutto."
        ),
        "not_image": _("Il file deve essere un'immagine JPEG, PNG o WebP."),
        "unreadable": _("Non siamo riusciti a leggere l'immagine: prova con un'altra."),
    }

    def __init__(
        self,
        *,
        max_bytes=None,
        max_side: int = DEFAULT_MAX_SIDE,
        output_format: str | None = None,
        max_long_side: int | None = None,
        **kwargs,
    ):
        self._max_bytes = max_bytes
        self.max_side = max_side
        self.output_format = output_format
        self.max_long_side = max_long_side
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    @property
    def max_bytes(self) -> int:
        limit = self._max_bytes() if callable(self._max_bytes) else self._max_bytes
        return limit or public_upload_max_bytes()

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                self.error_messages["too_big"],
                code="too_big",
                params={"size": file_size(self.max_bytes)},
            )
        try:
            image_format, width, height = check_header(
                upload, max_side=self.max_side, max_pixels=public_upload_max_pixels()
            )
        except ImageError as error:
            code = {"pixels": "too_many_pixels", "megapixels": "too_many_megapixels"}.get(
                str(error), str(error)
            )
            raise forms.ValidationError(
                self.error_messages[code],
                code=code,
                params={
                    "pixels": self.max_side,
                    "megapixels": public_upload_max_pixels() // 1_000_000,
                },
            ) from None
        upload.seek(0)
        return ImageUpload(
            upload.read(), image_format, width, height, self.output_format, self.max_long_side
        )


def store_image(upload: ImageUpload, *, stem: str, **fields):
    """Save an `ImageUpload` as a Wagtail image (title, description, collection… as `fields`)
    and queue its re-encoding (`encode_upload`). Until the worker has run, the image holds the
    file as sent: uploads stay private until a moderator publishes them (docs/security.md)."""
    # Width and height from the header: given with the file, they spare Django decoding it.
    wagtail_image = get_image_model()(
        file=ImageFile(io.BytesIO(upload.content), name=f"{stem}.{upload.extension}"),
        width=upload.width,
        height=upload.height,
        **fields,
    )
    wagtail_image._set_image_file_metadata()
    wagtail_image.save()
    encode_upload.enqueue(
        wagtail_image.pk,
        stem=stem,
        output_format=upload.output_format,
        max_long_side=upload.max_long_side,
    )
    return wagtail_image


class UnreadableUpload(Exception):
    """The upload's data is broken past its header: the image was deleted."""


@background_task(max_attempts=3, give_up_on=(UnreadableUpload,))
def encode_upload(
    image_id: int, *, stem: str, output_format: str | None, max_long_side: int | None
) -> str:
    """Replace a public upload's file by fresh pixels (see the module's docstring)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return "immagine già eliminata"
    with image.open_file() as original:
        sent = io.BytesIO(original.read())
    try:
        clean = reencode(
            sent,
            max_side=max(image.width, image.height),
            output_format=output_format,
            max_long_side=max_long_side,
        )
    except ImageError as error:
        # Once what refers to it is saved: the worker runs outside any transaction, but where
        # tasks run at once (the tests) this is still the request's.
        transaction.on_commit(image.delete)
        raise UnreadableUpload(f"{image.title}: {error}; image deleted") from error
    sent_name = image.file.name
    image.file = ImageFile(io.BytesIO(clean.content), name=f"{stem}.{clean.extension}")
    image._set_image_file_metadata()
    image.save()
    image.renditions.all().delete()  # made from the file as sent, if any
    image.file.storage.delete(sent_name)
    return f"{image.width}×{image.height} {clean.format}"
