"""The CSV shape shared by the public export (/api/innovatori.csv) and `import_innovators`.

Columns, in order (UTF-8, comma-separated, one header row):

- ``slug``: the profile's address, /club/<slug>/ (the key: an existing slug is updated)
- ``nome``: name
- ``descrizione_breve``: short description, at most 280 characters
- ``settore``: sector slug, e.g. ``vivaismo``
- ``tipo``: company, startup, association, research, public_body, individual
- ``comune``: municipality name (informative on import)
- ``codice_istat``: the municipality's ISTAT code, e.g. ``047014`` for Pistoia
- ``indirizzo``: street address
- ``latitudine``, ``longitudine``: WGS84 decimal degrees (empty: the municipality's centre)
- ``sito_web``: URL
- ``tag``: tags separated by ``;``
- ``club``: ``si`` for club members, ``no`` otherwise
- ``data_adesione``: the date the member joined, ``YYYY-MM-DD``
- ``anno_fondazione``: year founded

The contact e-mail is never exported. Text cells that a spreadsheet would run as a formula
are written with a leading `'` (`portal.csv.safe_cell`); the import removes it.
"""

import csv
import io

from innovators.models.innovators import TaggedInnovator
from portal.csv import safe_row

COLUMNS = [
    "slug",
    "nome",
    "descrizione_breve",
    "settore",
    "tipo",
    "comune",
    "codice_istat",
    "indirizzo",
    "latitudine",
    "longitudine",
    "sito_web",
    "tag",
    "club",
    "data_adesione",
    "anno_fondazione",
]
TAG_SEPARATOR = ";"

CSV_FIELDS = (
    "pk",
    "slug",
    "name",
    "short_description",
    "sector__slug",
    "kind",
    "municipality__name",
    "municipality__istat_code",
    "address",
    "latitude",
    "longitude",
    "website",
    "is_club_member",
    "joined_on",
    "year_founded",
    "updated_at",
)


def csv_rows(innovators) -> tuple[list[dict], object]:
    """The export rows of `innovators` (a queryset) and their latest change: two queries."""
    rows = list(innovators.order_by("name", "pk").values(*CSV_FIELDS))
    tags: dict[int, list[str]] = {}
    if rows:
        tagged = TaggedInnovator.objects.filter(
            content_object__in=innovators.order_by().values("pk")
        ).values_list("content_object_id", "tag__name")
        for innovator_id, name in tagged.order_by("tag__name"):
            tags.setdefault(innovator_id, []).append(name)
    last_modified = max((row["updated_at"] for row in rows), default=None)
    return [
        {
            "slug": row["slug"],
            "nome": row["name"],
            "descrizione_breve": row["short_description"],
            "settore": row["sector__slug"],
            "tipo": row["kind"],
            "comune": row["municipality__name"],
            "codice_istat": row["municipality__istat_code"],
            "indirizzo": row["address"],
            "latitudine": "" if row["latitude"] is None else f"{row['latitude']:.6f}",
            "longitudine": "" if row["longitude"] is None else f"{row['longitude']:.6f}",
            "sito_web": row["website"],
            "tag": f"{TAG_SEPARATOR} ".join(tags.get(row["pk"], [])),
            "club": "si" if row["is_club_member"] else "no",
            "data_adesione": row["joined_on"].isoformat() if row["joined_on"] else "",
            "anno_fondazione": row["year_founded"] or "",
        }
        for row in rows
    ], last_modified


def write_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue()
