"""The curated entity registry (``registry/*.csv``): load, validate, look up.

Each CSV file holds one kind of entity; every file has the columns
``id, class, label_ja, label_en, aliases_ja, aliases_en, iso, wikidata`` and
may add kind-specific columns (``post_in``, ``jurisdiction``, ``broader``…),
which land in :attr:`Entry.extra`. ``registry/README.md`` describes the files.

Validation is strict: a malformed row raises :class:`~resdip.errors.DataFileError`
naming the file and line. Loading is deterministic (files and ids sorted).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import paths
from .errors import DataFileError

BASE_COLUMNS = ("id", "class", "label_ja", "label_en", "aliases_ja", "aliases_en", "iso", "wikidata")

#: Entity classes (local names in ``ontology.ttl``) a registry row may have.
ENTITY_CLASSES = frozenset({
    "Person", "Post", "Country", "Region", "Place", "Chokepoint",
    "GovernmentBody", "PublicAgency", "FinancialInstitution", "InternationalOrganisation", "Company",
    "Partnership", "PolicyDocument", "Plan", "Policy", "Law", "Agreement", "MemorandumOfUnderstanding",
    "ExplorationContract", "Measure", "Project", "Vessel", "Indicator", "Resource", "EventSeries",
})

#: Columns whose values are ``|``-separated ids of other registry entries.
REFERENCE_COLUMNS = ("post_in", "jurisdiction", "broader", "part_of", "country", "series_of",
                     "nationality", "posts", "issued_by", "operator", "resource")

_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
_ISO = re.compile(r"^[A-Z]{2}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_YES = {"yes", "true", "1", "y"}


def norm_key(text: str) -> str:
    """The lookup key of a label: NFKC, surrounding blanks removed."""
    return unicodedata.normalize("NFKC", text).strip()


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_ABBREVIATION = re.compile(r"[（(]([A-Za-z][A-Za-z0-9-]*)[）)]$")


def twin_keys(text: str) -> list[str]:
    """The keys a name shares with a registry name it is a twin of (``queries/unlinked-twin-violation.rq``):
    the name with its bracketed parts, blanks and middle dots left out, in lower case (「JAPAN」, 「高市 早苗」),
    and a bracketed abbreviation that closes it (「…グループ（PVN）」 → pvn); none shorter than two characters."""
    name = unicodedata.normalize("NFKC", text)
    keys = [re.sub(r"[\s・]", "", _BRACKETED.sub("", name)).lower()]
    abbreviation = _ABBREVIATION.search(name)
    if abbreviation:
        keys.append(abbreviation.group(1).lower())
    return [k for k in dict.fromkeys(keys) if len(k) > 1]


@dataclass(frozen=True)
class Entry:
    """One registry entity."""

    id: str
    cls: str
    label_ja: str
    label_en: str = ""
    aliases_ja: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    iso: str = ""
    wikidata: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    #: abbreviations usable only inside compounds and lists (豪 in 日豪, 加 in 「米、加、豪」)
    abbr_ja: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every full name (labels and aliases, not abbreviations), in file order, without repeats."""
        seen: dict[str, None] = {}
        for name in (self.label_ja, self.label_en, *self.aliases_ja, *self.aliases_en):
            if name:
                seen.setdefault(name, None)
        return tuple(seen)

    def refs(self, column: str) -> tuple[str, ...]:
        """The ids a reference column names (``posts``, ``broader``…)."""
        return tuple(v for v in self.extra.get(column, "").split("|") if v)


@dataclass
class Registry:
    """All entries, by id, with alias lookups."""

    entities: dict[str, Entry] = field(default_factory=dict)
    _alias: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _abbr: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _twin: dict[str, list[Entry]] | None = field(default=None, repr=False)

    def get(self, entity_id: str) -> Entry | None:
        return self.entities.get(entity_id)

    def by_alias(self, text: str) -> list[Entry]:
        """Entries whose label or alias is ``text`` (compared after NFKC), sorted by id."""
        return list(self._alias.get(norm_key(text), ()))

    def twins(self, text: str) -> list[Entry]:
        """Registry entries a name the text introduces would be a twin of (:func:`twin_keys`), sorted by id."""
        if self._twin is None:
            index: dict[str, list[Entry]] = {}
            for entry_id in sorted(self.entities):
                entry = self.entities[entry_id]
                for name in entry.names:
                    for key in twin_keys(name)[:1]:
                        bucket = index.setdefault(key, [])
                        if entry not in bucket:
                            bucket.append(entry)
            self._twin = index
        return [e for key in twin_keys(text) for e in self._twin.get(key, ())]

    def by_abbr(self, text: str) -> list[Entry]:
        """Entries having ``text`` as a compound-only abbreviation (豪, 加…)."""
        return list(self._abbr.get(norm_key(text), ()))

    def of_class(self, *classes: str) -> list[Entry]:
        return [e for e in self.entities.values() if e.cls in classes]

    def aliases(self) -> dict[str, list[Entry]]:
        """Every NFKC name key and its entries (for building recognisers)."""
        return self._alias

    def abbreviations(self) -> dict[str, list[Entry]]:
        return self._abbr

    def _index(self) -> None:
        alias: dict[str, list[Entry]] = {}
        abbr: dict[str, list[Entry]] = {}
        for entry_id in sorted(self.entities):
            entry = self.entities[entry_id]
            for name in entry.names:
                bucket = alias.setdefault(norm_key(name), [])
                if entry not in bucket:
                    bucket.append(entry)
            for a in entry.abbr_ja:
                abbr.setdefault(norm_key(a), []).append(entry)
        self._alias, self._abbr = alias, abbr


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _read_file(path: Path, rel: str) -> list[tuple[int, Entry, bool]]:
    """Rows of one CSV file as (line, entry, shared-alias flag)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataFileError(f"{rel}: not UTF-8 text") from None
    except OSError as exc:
        raise DataFileError(f"{rel}: cannot read ({exc.strerror})") from None
    reader = csv.reader(text.splitlines(keepends=True))
    rows: list[tuple[int, Entry, bool]] = []
    header: list[str] | None = None
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        if header is None:
            header = [c.strip() for c in row]
            missing = [c for c in BASE_COLUMNS if c not in header]
            if missing:
                raise DataFileError(f"{rel}:{line}: header lacks column(s) {', '.join(missing)}")
            if len(set(header)) != len(header):
                raise DataFileError(f"{rel}:{line}: header repeats a column")
            continue
        if len(row) != len(header):
            raise DataFileError(f"{rel}:{line}: {len(row)} columns, the header has {len(header)}")
        values = {k: v.strip() for k, v in zip(header, row)}
        rows.append((line, _entry(values, rel, line), values.get("shared", "").lower() in _YES))
    if header is None:
        raise DataFileError(f"{rel}: empty file (no header)")
    return rows


def _entry(v: dict[str, str], rel: str, line: int) -> Entry:
    where = f"{rel}:{line}"
    if not _ID.match(v["id"]):
        raise DataFileError(f"{where}: bad id {v['id']!r} (lower-case words joined by '-')")
    if v["class"] not in ENTITY_CLASSES:
        raise DataFileError(f"{where}: unknown class {v['class']!r} for {v['id']}")
    if not v["label_ja"]:
        raise DataFileError(f"{where}: {v['id']} has no label_ja")
    if v["iso"] and not _ISO.match(v["iso"]):
        raise DataFileError(f"{where}: bad ISO 3166-1 alpha-2 code {v['iso']!r} for {v['id']}")
    if v["class"] == "Country" and not v["iso"]:
        raise DataFileError(f"{where}: country {v['id']} has no iso code")
    if v["wikidata"] and not _QID.match(v["wikidata"]):
        raise DataFileError(f"{where}: bad Wikidata id {v['wikidata']!r} for {v['id']} (expected Q123)")
    extra = {k: val for k, val in v.items() if k not in BASE_COLUMNS and k != "abbr_ja" and val}
    extra["_file"] = rel
    extra["_line"] = str(line)
    return Entry(
        id=v["id"], cls=v["class"], label_ja=v["label_ja"], label_en=v["label_en"],
        aliases_ja=_split(v["aliases_ja"]), aliases_en=_split(v["aliases_en"]),
        iso=v["iso"], wikidata=v["wikidata"], extra=extra, abbr_ja=_split(v.get("abbr_ja", "")),
    )


def load_registry(dir: Path | str = paths.REGISTRY_DIR) -> Registry:  # noqa: A002 - the brief's name
    """Load and validate every ``*.csv`` in ``dir``."""
    directory = Path(dir)
    if not directory.is_dir():
        raise DataFileError(f"{directory}: registry folder not found")
    files = sorted(directory.glob("*.csv"))
    if not files:
        raise DataFileError(f"{directory}: no registry files (*.csv)")
    registry = Registry()
    where: dict[str, str] = {}
    names: dict[tuple[str, str], tuple[str, bool, str]] = {}  # (class, key) -> (id, shared, where)
    abbrs: dict[str, str] = {}
    for path in files:
        rel = f"{directory.name}/{path.name}"
        for line, entry, shared in _read_file(path, rel):
            here = f"{rel}:{line}"
            if entry.id in registry.entities:
                raise DataFileError(f"{here}: duplicate id {entry.id} (first at {where[entry.id]})")
            registry.entities[entry.id] = entry
            where[entry.id] = here
            for name in entry.names:
                key = (entry.cls, norm_key(name))
                other = names.get(key)
                if other and other[0] != entry.id and not (shared and other[1]):
                    raise DataFileError(
                        f"{here}: name {name!r} of {entry.id} is already a name of {other[0]} ({other[2]});"
                        " mark both rows shared=yes if that is intended")
                names.setdefault(key, (entry.id, shared, here))
            for a in entry.abbr_ja:
                if len(a) != 1:
                    raise DataFileError(f"{here}: abbreviation {a!r} of {entry.id} must be one character")
                if a in abbrs:
                    raise DataFileError(f"{here}: abbreviation {a!r} of {entry.id} already belongs to {abbrs[a]}")
                abbrs[a] = entry.id
    for entry_id in sorted(registry.entities):
        entry = registry.entities[entry_id]
        for column in REFERENCE_COLUMNS:
            for target in entry.refs(column):
                if target not in registry.entities:
                    raise DataFileError(f"{where[entry_id]}: {column} names unknown id {target!r}")
    registry.entities = dict(sorted(registry.entities.items()))
    registry._index()
    return registry
