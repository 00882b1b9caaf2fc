"""Claimed original prices (划线价/原价) must be backed by the lowest price charged in the 7 days before.

Basis: 明码标价和禁止价格欺诈规定 Art 16 (DOMAIN.md §2); the window and the citation are rule data.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import rules
from core.domain.pricing import check_price_claim, lowest_price_in_window, window_days
from core.errors import InvalidInput

PRICING = rules.bundled_rules()["pricing"]
NOW = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("claimed", "live", "lowest", "state", "excess"),
    [
        (None, 5900, 6900, "no_claim", 0),
        (9900, 5900, None, "unbacked", 0),
        (9900, 5900, 8900, "higher_than_7d_lowest", 1000),
        (8900, 5900, 8900, "ok", 0),
        (7900, 5900, 8900, "ok", 0),
    ],
    ids=[
        "no_original_price_no_claim",
        "claim_without_7d_price_unbacked_fraud_rules_art16",
        "claim_above_7d_lowest_price_fraud_rules_art16",
        "claim_equal_to_7d_lowest_allowed_fraud_rules_art16",
        "claim_below_7d_lowest_allowed_fraud_rules_art16",
    ],
)
def test_price_claims(claimed, live, lowest, state, excess):
    check = check_price_claim(claimed, live, lowest, rules=PRICING)
    assert (check.state, check.excess_fen) == (state, excess)
    assert check.flagged == (state in ("unbacked", "higher_than_7d_lowest"))
    assert "第十六条" in check.basis and check.window_days == 7


def test_the_flag_says_the_prices_in_yuan():
    check = check_price_claim(9900, 5900, 8900, rules=PRICING)
    assert "¥99.00" in check.message and "¥89.00" in check.message and "¥10.00" in check.message


def test_a_negative_price_is_refused_naming_the_field():
    with pytest.raises(InvalidInput) as caught:
        check_price_claim(-1, 5900, None, rules=PRICING)
    assert caught.value.field == "claimed_original_fen"


@pytest.mark.parametrize(
    ("ages", "lowest"),
    [
        ([timedelta(days=1), timedelta(days=3)], 7900),
        ([timedelta(days=7)], 6900),
        ([timedelta(days=7, seconds=1)], None),
        ([timedelta(0)], None),
        ([], None),
    ],
    ids=[
        "lowest_of_the_week_fraud_rules_art16",
        "exactly_7_days_before_counts_fraud_rules_art16",
        "older_than_7_days_ignored_fraud_rules_art16",
        "the_comparison_moment_itself_is_not_before",
        "no_earlier_sales_no_figure",
    ],
)
def test_lowest_price_in_the_window(ages, lowest):
    history = {timedelta(days=1): 8900, timedelta(days=3): 7900, timedelta(days=7): 6900}
    history |= {timedelta(days=7, seconds=1): 5000, timedelta(0): 4000}
    prices = [(NOW - age, history[age]) for age in ages]
    assert lowest_price_in_window(prices, NOW, window_days(PRICING)) == lowest


def test_the_window_is_rule_data():
    edited = rules.bundled_rules()["pricing"]
    edited["data"]["reference_window_days"] = 30
    assert window_days(edited) == 30
    assert check_price_claim(9900, 5900, None, rules=edited).window_days == 30


fen = st.integers(min_value=0, max_value=10_000_000)


@given(claimed=fen, live=fen, prices=st.lists(st.tuples(st.integers(0, 20 * 86400), fen), max_size=20))
def test_a_claim_at_or_below_every_recent_price_is_never_flagged(claimed, live, prices):
    history = [(NOW - timedelta(seconds=s), p) for s, p in prices]
    lowest = lowest_price_in_window(history, NOW, window_days(PRICING))
    check = check_price_claim(claimed, live, lowest, rules=PRICING)
    if lowest is None:
        assert check.state == "unbacked"
    else:
        recent = [p for s, p in prices if 0 < s <= 7 * 86400]
        assert lowest == min(recent)
        assert (check.state == "ok") == (claimed <= lowest)
