"""Import innovators from the CSV the export writes (columns in `innovators.exports`).

Each row is validated and saved in its own transaction: a bad row is reported and skipped,
never aborting the good ones.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from innovators.models import Innovator, InnovatorKind, Municipality, Sector
from portal.csv import unguard
from portal.geo import Point
from portal.numbers import parse_positive_int

from .exports import COLUMNS, TAG_SEPARATOR

REQUIRED_COLUMNS = {"nome", "descrizione_breve", "settore"}
TRUE_VALUES = {"si", "sì", "yes", "true", "1", "x"}


class RowError(Exception):
    """A row that cannot be imported, with the reason in Italian."""


class DryRunRollback(Exception):
    pass


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)


class InnovatorImporter:
    def __init__(self, locale, publish: bool = True, dry_run: bool = False):
        self.locale = locale
        self.publish = publish
        self.dry_run = dry_run
        self.sectors = {sector.slug: sector for sector in Sector.objects.filter(locale=locale)}
        municipalities = list(Municipality.objects.all())
        self.by_istat = {m.istat_code: m for m in municipalities}
        self.by_name = {m.name.lower(): m for m in municipalities}
        self.report = ImportReport()

    @staticmethod
    def check_header(fieldnames) -> list[str]:
        """The problems with the header row: missing required or unknown columns."""
        names = set(fieldnames or [])
        problems = []
        missing = REQUIRED_COLUMNS - names
        if missing:
            problems.append(_("colonne mancanti: %s") % ", ".join(sorted(missing)))
        if not names & {"codice_istat", "comune"}:
            problems.append(_("serve la colonna codice_istat (o comune)"))
        unknown = names - set(COLUMNS)
        if unknown:
            problems.append(_("colonne sconosciute: %s") % ", ".join(sorted(unknown)))
        return problems

    def import_row(self, line: int, row: dict) -> None:
        try:
            with transaction.atomic():
                slug, created = self._save(row)
                if self.dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        except RowError as error:
            self.report.rejected.append((line, str(error)))
            return
        (self.report.created if created else self.report.updated).append(slug)

    # Reading the cells ------------------------------------------------------------------

    def _text(self, row, column) -> str:
        # A guarded cell of our own export (`'=…`) is read back as it was written.
        return unguard(" ".join((row.get(column) or "").split()))

    def _sector(self, row) -> Sector:
        slug = self._text(row, "settore")
        if slug not in self.sectors:
            raise RowError(_("settore sconosciuto: «%s»") % slug)
        return self.sectors[slug]

    def _municipality(self, row) -> Municipality:
        code = self._text(row, "codice_istat")
        if code:
            # Spreadsheets drop leading zeros: 47014 is 047014.
            code = code.zfill(6)
            if code not in self.by_istat:
                raise RowError(_("codice ISTAT non della provincia di Pistoia: «%s»") % code)
            return self.by_istat[code]
        name = self._text(row, "comune").lower()
        if name not in self.by_name:
            raise RowError(_("comune sconosciuto: «%s»") % self._text(row, "comune"))
        return self.by_name[name]

    def _point(self, row) -> Point | None:
        lat, lng = self._text(row, "latitudine"), self._text(row, "longitudine")
        if not lat and not lng:
            return None
        try:
            point = Point(lat=float(lat.replace(",", ".")), lng=float(lng.replace(",", ".")))
        except ValueError:
            raise RowError(_("coordinate non valide: «%s, %s»") % (lat, lng)) from None
        if not point.in_province():
            raise RowError(_("coordinate fuori dalla provincia di Pistoia"))
        return point

    def _date(self, row, column):
        value = self._text(row, column)
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise RowError(
                _("data non valida in %s: «%s» (usa AAAA-MM-GG)") % (column, value)
            ) from None

    def _year(self, row):
        value = self._text(row, "anno_fondazione")
        if not value:
            return None
        year = parse_positive_int(value, maximum=9999)
        if year is None:
            raise RowError(_("anno di fondazione non valido: «%s»") % value)
        return year

    # Saving ---------------------------------------------------------------------------

    def _save(self, row) -> tuple[str, bool]:
        name = self._text(row, "nome")
        if not name:
            raise RowError(_("manca il nome"))
        slug = self._text(row, "slug") or slugify(name)
        kind = self._text(row, "tipo") or InnovatorKind.COMPANY
        if kind not in InnovatorKind.values:
            raise RowError(_("tipo sconosciuto: «%s»") % kind)
        website = self._text(row, "sito_web")
        if website:
            try:
                URLValidator(schemes=["http", "https"])(website)
            except ValidationError:
                raise RowError(_("sito web non valido: «%s»") % website) from None
        point = self._point(row)

        innovator = Innovator.objects.filter(locale=self.locale, slug=slug).first()
        created = innovator is None
        if created:
            innovator = Innovator(locale=self.locale, slug=slug, live=False)
        innovator.name = name
        innovator.short_description = unguard((row.get("descrizione_breve") or "").strip())
        innovator.sector = self._sector(row)
        innovator.kind = kind
        innovator.municipality = self._municipality(row)
        innovator.address = self._text(row, "indirizzo")
        innovator.location = point.wkt if point else ""
        innovator.website = website
        innovator.is_club_member = self._text(row, "club").lower() in TRUE_VALUES
        innovator.joined_on = self._date(row, "data_adesione")
        innovator.year_founded = self._year(row)
        try:
            innovator.full_clean()
        except ValidationError as error:
            reasons = [
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            ]
            raise RowError("; ".join(reasons)) from None

        tags = [
            tag.strip() for tag in unguard(row.get("tag") or "").split(TAG_SEPARATOR) if tag.strip()
        ]
        if created or self.publish:
            innovator.save()
        innovator.tags.set(tags)
        if created:
            innovator.save()
        revision = innovator.save_revision(clean=False)
        if self.publish:
            revision.publish()
        return slug, created
