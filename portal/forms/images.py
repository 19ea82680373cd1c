"""Images from the public: checked by their content, decoded in full and saved again.

`ImageUploadField` refuses what is too large (bytes or pixels), what Pillow cannot decode and
decompression bombs, each with an Italian message; its cleaned value is a `CleanImage`: the
pixels re-encoded from scratch, so no EXIF (GPS, camera), no PNG text chunk, no ICC profile
and no byte appended after the image (JPEG/HTML polyglots) survives. `store_image` turns it
into a Wagtail image.
"""

import io
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from PIL import Image, ImageOps

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPT = "image/jpeg,image/png,image/webp"
DEFAULT_MAX_SIDE = 6000


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

    def file(self, stem: str) -> ImageFile:
        return ImageFile(io.BytesIO(self.content), name=f"{stem}.{self.extension}")


class ImageError(ValueError):
    """Pillow could not decode the file, or it is a bomb."""


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
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            opened = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageError("pixels") from error
        except (OSError, SyntaxError, ValueError, TypeError, EOFError) as error:
            raise ImageError("not_image") from error
        with opened as picture:
            if picture.format not in FORMATS:
                raise ImageError("not_image")
            if max(picture.size) > max_side:
                raise ImageError("pixels")
            try:
                picture.load()
                source_format = picture.format
                picture = ImageOps.exif_transpose(picture)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
                raise ImageError("pixels") from error
            except (OSError, SyntaxError, ValueError, TypeError, EOFError) as error:
                raise ImageError("unreadable") from error
    target = output_format or source_format
    if target == "JPEG":
        picture = _flatten(picture)
    elif picture.mode not in ("RGB", "RGBA"):
        has_alpha = picture.mode in ("LA", "PA", "P") or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha else "RGB")
    if max_long_side:
        picture.thumbnail((max_long_side, max_long_side))
    # Fresh pixels, empty `info`: no EXIF, text chunk, ICC profile or comment is carried over.
    fresh = Image.frombytes(picture.mode, picture.size, picture.tobytes())
    buffer = io.BytesIO()
    options = {"quality": 85, "optimize": True} if target in ("JPEG", "WEBP") else {}
    fresh.save(buffer, format=target, **options)
    return CleanImage(buffer.getvalue(), target, *fresh.size)


class ImageUploadField(forms.FileField):
    """An optional JPEG, PNG or WebP image whose cleaned value is a `CleanImage`.

    `max_bytes` (a number, or a function read at each upload) defaults to
    `PUBLIC_UPLOAD_MAX_BYTES`; `max_side` caps the pixels per side
    (checked before decoding); `output_format` forces one format (else the source's);
    `max_long_side` scales the image down.
    """

    default_error_messages = {
        "too_big": _("Il file è troppo grande: al massimo %(size)s."),
        "too_many_pixels": _("L'immagine è troppo grande: al massimo %(pixels)s pixel per lato."),
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
            return reencode(
                upload,
                max_side=self.max_side,
                output_format=self.output_format,
                max_long_side=self.max_long_side,
            )
        except ImageError as error:
            code = "too_many_pixels" if str(error) == "pixels" else str(error)
            raise forms.ValidationError(
                self.error_messages[code], code=code, params={"pixels": self.max_side}
            ) from None


def store_image(image: CleanImage, *, stem: str, **fields):
    """Save a `CleanImage` as a Wagtail image (title, description, collection… as `fields`)."""
    wagtail_image = get_image_model()(**fields)
    wagtail_image.file = image.file(stem)
    wagtail_image._set_image_file_metadata()
    wagtail_image.save()
    return wagtail_image
