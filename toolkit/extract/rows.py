"""A share row that a renderer put one button per line costs what the row costs on one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.extract.classify import Classified

ROW_REASONS = frozenset({"share_buttons"})


def one_cost_per_row(units: list[Classified], values: list[int]) -> list[int]:
    """Units that continue a run of the same button furniture cost nothing more: 'Facebook',
    'Twitter', 'Email' on seven lines are one share row, not seven separators."""
    out = list(values)
    for i in range(1, len(units)):
        reason = units[i].furniture
        if reason in ROW_REASONS and units[i - 1].furniture == reason:
            out[i] = 0
    return out
