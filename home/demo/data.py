"""The one reader of the demo content: the TOML files in `home/demo/data/`.

A `Reader` opens a file the first time a builder asks for it and turns its tables into
records (dataclasses): a missing key or an unknown one raises `DemoDataError` naming the
file, the record and the key. It remembers what was asked for, so the loader can refuse to
finish while a file or a top-level key was never read (`check_all_read`): a record can be
neither forgotten nor left behind by a renamed builder.
"""

import dataclasses
import tomllib
from pathlib import Path
from typing import Any, TypeVar

DATA_DIR = Path(__file__).parent / "data"

T = TypeVar("T")


class DemoDataError(ValueError):
    """A data file that cannot be read as the loader expects."""


class Reader:
    def __init__(self, directory: Path | str = DATA_DIR):
        self.directory = Path(directory)
        self._files: dict[str, dict[str, Any]] = {}
        self._read: dict[str, set[str]] = {}

    def file(self, name: str) -> dict[str, Any]:
        if name not in self._files:
            path = self.directory / f"{name}.toml"
            try:
                with path.open("rb") as handle:
                    self._files[name] = tomllib.load(handle)
            except FileNotFoundError:
                raise DemoDataError(f"{path}: file not found") from None
            except tomllib.TOMLDecodeError as error:
                raise DemoDataError(f"{path}: {error}") from None
            self._read[name] = set()
        return self._files[name]

    def get(self, name: str, key: str) -> Any:
        """The top-level `key` of `name`.toml, as it is."""
        content = self.file(name)
        if key not in content:
            raise DemoDataError(f"{name}.toml: missing key {key!r}")
        self._read[name].add(key)
        return content[key]

    def record(self, cls: type[T], name: str, key: str) -> T:
        """The table `key` of `name`.toml as a `cls` record."""
        return to_record(cls, self.get(name, key), f"{name}.toml: [{key}]")

    def records(self, cls: type[T], name: str, key: str) -> list[T]:
        """The array of tables `key` of `name`.toml as `cls` records, in file order."""
        return [
            to_record(cls, table, f"{name}.toml: {key}[{index}]")
            for index, table in enumerate(self.get(name, key))
        ]

    def keyed(self, cls: type[T], name: str, key: str) -> dict[str, T]:
        """The table of tables `key` of `name`.toml as `cls` records by their key."""
        return {
            item: to_record(cls, table, f"{name}.toml: [{key}.{item}]")
            for item, table in self.get(name, key).items()
        }

    def unread(self) -> list[str]:
        """Files in the data folder never opened, and top-level keys never asked for."""
        missed = [
            f"{path.name} (never read)"
            for path in sorted(self.directory.glob("*.toml"))
            if path.stem not in self._files
        ]
        for name, content in self._files.items():
            missed += [f"{name}.toml: {key}" for key in content if key not in self._read[name]]
        return missed

    def check_all_read(self) -> None:
        missed = self.unread()
        if missed:
            raise DemoDataError("demo data never read: " + "; ".join(missed))


def to_record(cls: type[T], table: Any, where: str) -> T:
    """`table` as a `cls` dataclass: every field without a default must be there, and no other."""
    if not isinstance(table, dict):
        raise DemoDataError(f"{where}: a table was expected, not {table!r}")
    fields = {field.name: field for field in dataclasses.fields(cls)}
    unknown = sorted(set(table) - set(fields))
    if unknown:
        raise DemoDataError(f"{where}: unknown key {unknown[0]!r}")
    for name, field in fields.items():
        required = (
            field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        )
        if required and name not in table:
            raise DemoDataError(f"{where}: missing key {name!r}")
    try:
        return cls(**table)
    except DemoDataError as error:  # raised by a record's __post_init__ (a body, a date)
        raise DemoDataError(f"{where}: {error}") from None


def paragraphs(texts: list[str]) -> list[tuple[str, str]]:
    """Plain texts as paragraph blocks, one each."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def stream(blocks: list[dict[str, Any]], where: str = "body") -> list[tuple[str, Any]]:
    """A body written in a data file as StreamField blocks (the forms are listed in site.toml)."""
    result = []
    for index, block in enumerate(blocks):
        if not isinstance(block, dict) or len(block) != 1:
            raise DemoDataError(f"{where}[{index}]: a block is a table with one key")
        ((kind, value),) = block.items()
        if kind == "paragraphs":
            result += paragraphs(value)
        elif kind == "heading":
            result.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "figure":
            figure = {"indicator": value} if isinstance(value, str) else value
            result.append(
                ("figure", _fields(figure, where, index, "indicator", heading="", commentary=""))
            )
        elif kind == "key_figures":
            figures = [
                _fields(figure, where, index, "value", "label", description="")
                for figure in value["figures"]
            ]
            result.append(("key_figures", {"heading": value["heading"], "figures": figures}))
        elif kind == "paragraph":
            result.append(("paragraph", value))
        else:
            raise DemoDataError(f"{where}[{index}]: unknown block {kind!r}")
    return result


def _fields(table: dict, where: str, index: int, *required: str, **defaults: str) -> dict:
    """`table` with its keys in the block's order (as stored), defaults filled in."""
    missing = [name for name in required if name not in table]
    if missing:
        raise DemoDataError(f"{where}[{index}]: missing key {missing[0]!r}")
    return {name: table.get(name, defaults.get(name)) for name in (*required, *defaults)}
