"""Terms read from a promise's wording (issue 4, deliverable 2): table tests, the basis in each case name.

Basis: what is said on air binds (消费者权益保护法实施条例 2024, DOMAIN §1); promises beyond the law bind
(法释〔2022〕8号 Arts 2, 10); gifts and prizes too (Art 8). Unclear wording gives no terms: the reader never guesses.
"""

from __future__ import annotations

import pytest

from core.domain.promise_terms import chinese_number, parse_terms

CASES = [
    # (case name with its basis, kind, wording, expected terms)
    ("ship_hours_binds_regulations2024", "shipping_time", "48小时发货", {"ship_within_hours": 48}),
    ("ship_hours_within_regulations2024", "shipping_time", "今天拍下24小时内发货", {"ship_within_hours": 24}),
    ("ship_h_short_regulations2024", "shipping_time", "48h发货", {"ship_within_hours": 48}),
    ("ship_days_chinese_regulations2024", "shipping_time", "三天内发货", {"ship_within_days": 3}),
    ("ship_days_two_regulations2024", "shipping_time", "两天内发出", {"ship_within_days": 2}),
    ("ship_bare_days_for_shipping_kind", "shipping_time", "3天", {"ship_within_days": 3}),
    ("ship_half_day_regulations2024", "shipping_time", "半天发货", {"ship_within_days": 0.5}),
    ("ship_range_not_guessed", "shipping_time", "3到5天发货", {}),
    ("ship_choice_not_guessed", "shipping_time", "两天或者三天发货", {}),
    ("compensation_ten_spc2022_art10", "compensation", "正品保证，假一赔十", {"compensation_multiple": 10}),
    ("compensation_three_spc2022_art10", "compensation", "假一赔三", {"compensation_multiple": 3}),
    ("compensation_digits_spc2022_art10", "compensation", "假一赔4", {"compensation_multiple": 4}),
    (
        "gift_first_n_spc2022_art8",
        "gift",
        "前100名送保温杯，48小时内发货",
        {"limit": 100, "gift": "保温杯", "ship_within_hours": 48},
    ),
    ("gift_first_chinese_spc2022_art8", "gift", "前一百名下单送面膜", {"limit": 100, "gift": "面膜"}),
    ("gift_limited_regulations2024", "gift", "限量200份", {"limit": 200}),
    ("gift_named_limited_spc2022_art8", "gift", "赠品保温杯限量 200 份", {"limit": 200, "gift": "保温杯"}),
    ("gift_buy_one_not_a_gift_name", "gift", "买一送一", {}),
    (
        "price_protection_regulations2024",
        "price_protection",
        "保价30天，降价补差",
        {"price_protection_days": 30},
    ),
    (
        "price_protection_after_regulations2024",
        "price_protection",
        "十五天价格保价",
        {"price_protection_days": 15},
    ),
    ("return_beyond_law_spc2022_art2", "return_terms", "30天无理由退货", {"return_days": 30}),
    ("return_chinese_spc2022_art2", "return_terms", "十五天无理由退换", {"return_days": 15}),
    ("return_bare_for_return_kind", "return_terms", "这款给大家30天", {"return_days": 30}),
    ("quality_years_regulations2024", "quality_guarantee", "整机质保一年", {"guarantee_years": 1}),
    ("quality_months_regulations2024", "quality_guarantee", "保修6个月", {"guarantee_months": 6}),
    ("lottery_winners_spc2022_art8", "lottery", "抽10位宝宝送同款面膜", {"winners": 10, "gift": "同款面膜"}),
    (
        "two_terms_one_sentence_regulations2024",
        "shipping_time",
        "下单48小时内发货，7天无理由退货",
        {"ship_within_hours": 48, "return_days": 7},
    ),
    ("unparseable_gives_nothing", "other", "家人们冲冲冲", {}),
    ("empty_gives_nothing", "other", "", {}),
    ("bare_number_other_kind_not_guessed", "other", "3天", {}),
    ("two_bare_numbers_not_guessed", "shipping_time", "2天或者48小时", {}),
    ("conflicting_values_dropped", "compensation", "假一赔十，不对，假一赔三", {}),
]


@pytest.mark.parametrize(("kind", "wording", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse_terms(kind, wording, expected):
    assert parse_terms(kind, wording) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("48", 48),
        ("十", 10),
        ("三十", 30),
        ("十五", 15),
        ("一百零五", 105),
        ("两", 2),
        ("半", 0.5),
        ("三三", None),
    ],
)
def test_chinese_numbers(text, expected):
    assert chinese_number(text) == expected
