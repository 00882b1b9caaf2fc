"""列对应 A person's mapping of a foreign order export's headers onto the app's order fields, saved by name.

Contract:

- A mapping is ``{app field -> the file's header}`` over the generic template's fields
  (``resources/templates/order_presets.json``, preset ``generic``) plus recipient and address, which are stored
  masked (张**, province+city; 个人信息保护法 Art 6); the fields that template requires (order
  number, paid time) must be mapped; a header may be left out for any other field. ``platform`` (a preset code:
  douyin, kuaishou, taobao, wechat, generic) is the platform the orders are stored under.
- :func:`mapping_preset` turns it into a strict :class:`~core.importers.order_sheet.Preset`: opening a file with it
  refuses the file when any header it names is missing. Read and stored exactly as a preset's columns are.
- :func:`save_mapping` (``orders.import``) stores it as a :class:`~core.db.models.ColumnMapping` under a unique
  name (saving a name again replaces its mapping). Refused with InvalidInput naming the field: an empty name
  (``name``), an unknown platform (``platform``), an unknown field, a required field without a header, and — when
  ``path`` is given — a header that file does not have (field = the app field).
- Detection: a file no platform preset recognises is read with the saved mapping all of whose headers it has
  (:func:`saved_presets`; several alike are refused as ambiguous, naming them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import ColumnMapping
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.importers import order_sheet as sheet
from core.importers.cells import cell_text
from core.importers.product_sheet import normalise, raw_rows
from core.services.auth import require

__all__ = [
    "SavedMapping", "choose_preset", "file_headers", "guess_mapping", "mapping_fields", "mapping_preset",
    "required_fields",
    "save_mapping", "saved_mappings", "saved_presets",
]  # fmt: skip

i18n.register(
    {
        "orders.mapping.name": ("请给这套列对应起个名字", "Give the column mapping a name"),
        "orders.mapping.name_long": ("名字最多 60 个字", "The name may have at most 60 characters"),
        "orders.mapping.platform": ("“{value}”不是平台", "“{value}” is not a platform"),
        "orders.mapping.unknown_field": (
            "“{field}”不是订单字段，可对应的字段：{fields}",
            "“{field}” is not an order field; the fields are: {fields}",
        ),
        "orders.mapping.required": ("“{label}”必须对应文件中的一列", "“{label}” must be matched to a column"),
        "orders.mapping.no_header": (
            "“{file}”中没有列“{header}”（对应“{label}”）",
            "“{file}” has no column “{header}” (for “{label}”)",
        ),
        "orders.mapping.unknown_name": (
            "没有名为“{name}”的已保存列对应",
            "No saved column mapping is named “{name}”",
        ),
        "orders.mapping.manual": ("手动对应的列", "manually matched columns"),
        "orders.mapping.saved": ("已保存的列对应“{name}”", "the saved column mapping “{name}”"),
    }
)


@dataclass(frozen=True)
class SavedMapping:
    """A stored mapping: its name, the platform its orders are stored under, and field -> header."""

    name: str
    platform: str
    mapping: dict[str, str]


_MASKED = ("recipient_name", "address")  # kept as 张** / province+city only, so a foreign file may name them


def mapping_fields() -> tuple[str, ...]:
    """The fields a mapping may name: the generic template's, plus the recipient and the address (a foreign
    export's full address column must go where only province+city is kept), in the presets file's order."""
    generic = sheet.presets()["generic"].columns
    return tuple(key for key in sheet.spec()["fields"] if key in generic or key in _MASKED)


def required_fields() -> tuple[str, ...]:
    """The fields a mapping must name (the generic template's required ones)."""
    return sheet.presets()["generic"].required


def _label(key: str) -> str:
    found = sheet.spec()["fields"].get(key, {})
    return found.get("en" if i18n.language() == "en" else "zh", key)


def _clean(mapping: Mapping[str, str]) -> dict[str, str]:
    """Fields with a non-blank header; InvalidInput naming an unknown field or a missing required one."""
    fields = mapping_fields()
    cleaned: dict[str, str] = {}
    for key, header in mapping.items():
        if key not in fields:
            shown = "、".join(fields)
            raise InvalidInput(i18n.t("orders.mapping.unknown_field", field=key, fields=shown), field=key)
        if (header or "").strip():
            cleaned[key] = header.strip()
    for key in required_fields():
        if key not in cleaned:
            raise InvalidInput(i18n.t("orders.mapping.required", label=_label(key)), field=key)
    return cleaned


def _platform(platform: str | None) -> str:
    code = platform or "generic"
    if code not in sheet.presets():
        raise InvalidInput(i18n.t("orders.mapping.platform", value=code), field="platform")
    return code


def mapping_preset(platform: str | None, mapping: Mapping[str, str], name: str = "") -> sheet.Preset:
    """A strict preset reading ``mapping``'s headers, storing orders under ``platform`` (generic when None)."""
    cleaned = _clean(mapping)
    names = i18n.CATALOG["orders.mapping.saved" if name else "orders.mapping.manual"]
    zh, en = (names[language].format(name=name) for language in ("zh_CN", "en"))
    return sheet.Preset(
        _platform(platform),
        zh,
        en,
        {key: (header,) for key, header in cleaned.items()},
        required_fields(),
        f"saved:{name}" if name else "manual",
        strict=True,
    )


def file_headers(path: Path | str) -> list[str]:
    """Row 1 of the file (of an XLSX, its first sheet with headers), blanks left out: what a mapping may name."""
    path = Path(path)

    def first_with_headers(sheets: list[tuple[str, list[Any]]]) -> int:
        return next((i for i, (_t, row) in enumerate(sheets) if any(cell_text(c) for c in row)), 0)

    records = raw_rows(path, first_with_headers)
    try:
        header = next(records, None) or []
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()
    return [cell_text(cell).strip() for cell in header if cell_text(cell).strip()]


def saved_mappings(session: Session) -> list[SavedMapping]:
    """Every saved mapping, by name."""
    rows = session.scalars(select(ColumnMapping).order_by(ColumnMapping.name))
    return [SavedMapping(row.name, row.platform, dict(row.mapping)) for row in rows]


def saved_presets(session: Session) -> tuple[sheet.Preset, ...]:
    """The saved mappings as strict presets (for detection); one no longer valid is skipped."""
    found = []
    for saved in saved_mappings(session):
        try:
            found.append(mapping_preset(saved.platform, saved.mapping, saved.name))
        except InvalidInput:
            continue
    return tuple(found)


def save_mapping(
    session: Session,
    actor: Actor,
    name: str,
    platform: str | None,
    mapping: Mapping[str, str],
    *,
    path: Path | str | None = None,
) -> SavedMapping:
    """Save (or replace) the mapping ``name`` (``orders.import``). See the module docstring for what is refused."""
    require(actor, "orders.import")
    name = (name or "").strip()
    if not name:
        raise InvalidInput(i18n.t("orders.mapping.name"), field="name")
    if len(name) > 60:
        raise InvalidInput(i18n.t("orders.mapping.name_long"), field="name")
    code = _platform(platform)
    cleaned = _clean(mapping)
    if path is not None:
        present = {normalise(h) for h in file_headers(path)}
        for key, header in cleaned.items():
            if normalise(header) not in present:
                text = i18n.t(
                    "orders.mapping.no_header", file=Path(path).name, header=header, label=_label(key)
                )
                raise InvalidInput(text, field=key)
    row = session.scalar(select(ColumnMapping).where(ColumnMapping.name == name))
    if row is None:
        session.add(ColumnMapping(name=name, platform=code, mapping=cleaned))
    else:
        row.platform, row.mapping = code, cleaned
    session.flush()
    return SavedMapping(name, code, cleaned)


def choose_preset(
    session: Session, platform: str | None, mapping: Mapping[str, str] | None, mapping_name: str | None
) -> tuple[sheet.Preset | None, tuple[sheet.Preset, ...]]:
    """What to open a file with: (a mapping's preset or None, the saved presets to detect with)."""
    if mapping_name:
        saved = {m.name: m for m in saved_mappings(session)}
        if mapping_name not in saved:
            raise InvalidInput(i18n.t("orders.mapping.unknown_name", name=mapping_name), field="mapping")
        found = saved[mapping_name]
        return mapping_preset(found.platform, found.mapping, found.name), ()
    if mapping is not None:
        return mapping_preset(platform, mapping), ()
    return None, (saved_presets(session) if platform is None else ())


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """A first guess for the mapping screen: each field's header that any preset (or the field's own name) uses."""
    by_name = {normalise(h): h for h in reversed(headers)}
    names = sheet.spec()["fields"]
    guessed: dict[str, str] = {}
    for key in mapping_fields():
        words = [w for p in sheet.presets().values() for w in p.columns.get(key, ())]
        words += [names[key]["zh"], names[key]["en"], key]
        found = next((by_name[normalise(w)] for w in words if normalise(w) in by_name), None)
        if found is not None and found not in guessed.values():
            guessed[key] = found
    return guessed
