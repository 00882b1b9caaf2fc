"""How the self-assessment names a KPI and its figures in its sentences (issue 7): "开播检查完成率 100%：满分线 100%，
零分线 80%", never the rule's raw key "checklist_completion_rate = 1".

:func:`kpi_labels` reads each KPI's name and unit from the active ``kpis`` rule (``core.services.kpis.definitions``);
:func:`kpi_name` and :func:`kpi_figure` are pure, so ``evaluation_rules`` stays table-testable on plain dicts: with no
labels (or a key the rule does not know) the key and the bare number are shown, as before.

Units (resources/rules/kpis.json): ``ratio`` as a percentage (up to one decimal, 100%, 95.7%), ``hours`` with 小时,
``count`` whole, ``per_session`` with 条/场, ``score_1_5`` with 分. A signed version keeps the sentences it was signed
with (frozen JSON); only new sentences use these words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core import i18n

Labels = Mapping[str, tuple[str, str]]
"""KPI key → (name in the current language, unit code)."""

i18n.register(
    {
        "evaluation.unit.hours": ("{value} 小时", "{value} h"),
        "evaluation.unit.per_session": ("{value} 条/场", "{value} per session"),
        "evaluation.unit.score_1_5": ("{value} 分", "{value} of 5"),
    }
)


def kpi_labels(session: Any) -> dict[str, tuple[str, str]]:
    """(name, unit) of every KPI of the active ``kpis`` rule, in the current language."""
    from core.services.kpis import definitions

    return {key: (d.name, d.unit) for key, d in definitions(session).items()}


def _number(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def kpi_name(key: str, labels: Labels | None) -> str:
    """The KPI's name from the rule, else its key."""
    return labels[key][0] if labels and key in labels else key


def kpi_figure(key: str, value: Any, labels: Labels | None) -> str:
    """``value`` of KPI ``key`` in its unit (see the module docstring); the bare number when the unit is unknown."""
    unit = labels[key][1] if labels and key in labels else ""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return str(value)
    if unit == "ratio":
        return _number(float(value) * 100, 1) + "%"
    if unit == "count":
        return _number(float(value), 0) if float(value).is_integer() else _number(float(value), 2)
    if unit in ("hours", "per_session", "score_1_5"):
        return i18n.t(f"evaluation.unit.{unit}", value=_number(float(value), 2))
    return f"{value:.4g}" if isinstance(value, float) else str(value)


__all__ = ["Labels", "kpi_figure", "kpi_labels", "kpi_name"]
