"""Script linting (issue 3 deliverable 4, DOMAIN.md §3): what a host sees flagged in a script, and why."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.domain.lint import SEVERITIES, Lexicon, lint
from core.lexicon import default_lexicon, load_lexicon
from core.paths import resource

# (id naming the legal basis, text, product category, expected [(term, category, severity)])
CASES = [
    ("absolute_全网最低价_ad_law_art9_3", "今晚全网最低价！", None, [("全网最低价", "absolute", "error")]),
    ("absolute_销量第一_ad_law_art9_3", "这款销量第一", None, [("销量第一", "absolute", "error")]),
    ("absolute_最好的_ad_law_art9_3", "这是最好的面膜", None, [("最好", "absolute", "error")]),
    ("absolute_唯一一款_ad_law_art9_3", "唯一一款能做到的", None, [("唯一一款", "absolute", "error")]),
    ("absolute_NO.1_ad_law_art9_3", "品类NO.1", None, [("NO.1", "absolute", "error")]),
    ("absolute_no.1_lowercase_ad_law_art9_3", "我们是no.1", None, [("NO.1", "absolute", "error")]),
    ("absolute_fullwidth_ＮＯ．１_ad_law_art9_3", "品类ＮＯ．１", None, [("NO.1", "absolute", "error")]),
    ("effects_100%有效_ad_law_art28", "用了100%有效", None, [("100%有效", "effects", "error")]),
    ("absolute_史上最低_ad_law_art9_3", "史上最低，冲", None, [("史上最低", "absolute", "error")]),
    ("absolute_国家级产品_ad_law_art9_3", "国家级产品", None, [("国家级产品", "absolute", "error")]),
    (
        "authority_驰名商标_trademark_law_art14",
        "中国驰名商标",
        None,
        [("中国驰名商标", "authority", "error")],
    ),
    (
        "medical_治疗_food_safety_law_art73",
        "可以治疗失眠",
        "food",
        [("治疗", "medical", "error"), ("失眠", "medical", "error")],
    ),
    ("medical_治疗_cosmetics_regulation_art37_43", "治疗痘痘", "cosmetics", [("治疗", "medical", "error")]),
    ("medical_根治_ad_law_art17", "根治鼻炎", "general", [("根治", "medical", "error")]),
    ("medical_抗菌_cosmetics_error_art37", "抗菌配方", "cosmetics", [("抗菌", "medical", "error")]),
    ("medical_抗菌_general_warning_ad_law_art17", "抗菌配方", "general", [("抗菌", "medical", "warning")]),
    ("food_health_补肾_food_error_food_safety_art73", "吃了补肾", "food", [("补肾", "food_health", "error")]),
    (
        "food_health_补肾_health_food_error_ad_law_art18",
        "吃了补肾",
        "health_food",
        [("补肾", "food_health", "error")],
    ),
    ("food_health_补肾_general_warning_ad_law_art28", "吃了补肾", None, [("补肾", "food_health", "warning")]),
    (
        "effects_美白_cosmetics_error_cosmetics_regulation_art16",
        "美白精华",
        "cosmetics",
        [("美白", "effects", "error")],
    ),
    (
        "effects_美白_special_cosmetics_info_registered",
        "美白精华",
        "special_cosmetics",
        [("美白", "effects", "info")],
    ),
    ("superstition_开光_ad_law_art9_8", "大师开光手串", None, [("开光", "superstition", "error")]),
    ("pressure_原价_price_rules_art16", "原价299", None, [("原价", "pressure", "warning")]),
    (
        "pressure_假一赔十_promise_info_consumer_regulation",
        "假一赔十",
        None,
        [("假一赔十", "pressure", "info")],
    ),
    ("diversion_私聊下单_live_marketing_art18", "私聊下单更便宜", None, [("私聊下单", "diversion", "error")]),
    ("diversion_好评返现_ecommerce_law_art17", "好评返现五元", None, [("好评返现", "diversion", "error")]),
    ("clean_第一次_ordinary_word", "第一次来的朋友", None, []),
    ("clean_唯一的缺点_ordinary_word", "唯一的缺点是有点贵", None, []),
    ("clean_最后一单_ordinary_word", "最后一单了", None, []),
    ("clean_最近_ordinary_word", "最近很多人问", None, []),
    ("clean_最后_ordinary_word", "最后说一下", None, []),
    ("clean_第一天_ordinary_word", "第一天用就水润", None, []),
    ("clean_首先_ordinary_word", "首先看质地", None, []),
    ("clean_转运中心_logistics_word", "已到转运中心", None, []),
    ("clean_益智玩具_product_name", "益智玩具套装", None, []),
    ("clean_增高鞋垫_product_name", "增高鞋垫", None, []),
    ("clean_NO.12_ascii_boundary", "货号NO.12", None, []),
]


@pytest.mark.parametrize(("text", "category", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_script_findings(text, category, expected):
    findings = lint(text, category)
    assert [(f.term, f.category, f.severity) for f in findings] == expected
    for f in findings:
        assert f.basis and f.reason


def test_offsets_slice_the_term_in_mixed_chinese_and_ascii_text():
    text = "Hi 家人们! Our NO.1 款，全网最低价 only 99 元，第一次买送 gift。"
    findings = lint(text)
    assert [(f.term, text[f.start : f.end]) for f in findings] == [
        ("NO.1", "NO.1"),
        ("全网最低价", "全网最低价"),
    ]
    assert findings[0].start == text.index("NO.1") and findings[1].end == text.index(" only")


def test_overlapping_terms_report_the_longest_once():
    findings = lint("秒杀全网最低价")
    assert [f.term for f in findings] == ["全网最低价"]
    assert [f.term for f in lint("全网销量第一")] == ["全网销量第一"]


def test_an_unknown_product_category_is_refused_naming_the_allowed_ones():
    with pytest.raises(ValueError, match="cosmetics"):
        lint("最好", "toys")


def test_a_lexicon_passed_in_is_used_instead_of_the_bundled_one():
    doc = {
        "as_of": "2026-11-28",
        "sources": ["test"],
        "product_categories": {"food": "食品"},
        "categories": {"absolute": {"letter": "A"}},
        "terms": [
            {
                "term": "第一",
                "category": "absolute",
                "severity": {"default": "warning", "food": "error"},
                "basis": "广告法 第九条",
                "reason": "极限用语",
                "unless_followed_by": ["次"],
            }
        ],
    }
    lexicon = Lexicon.from_document(doc)
    assert [(f.term, f.severity) for f in lint("第一次就第一", "food", lexicon)] == [("第一", "error")]
    assert lint("最好", None, lexicon) == []


def test_a_term_without_basis_is_refused():
    doc = {"as_of": "2026-11-28", "sources": ["x"], "product_categories": {}, "categories": {"a": {}}}
    doc["terms"] = [
        {"term": "最好", "category": "a", "severity": {"default": "error"}, "basis": "", "reason": "r"}
    ]
    with pytest.raises(ValueError, match="basis"):
        Lexicon.from_document(doc)


def test_the_bundled_lexicon_has_300_terms_each_with_basis_and_valid_severities():
    lexicon = default_lexicon()
    assert len(lexicon.terms) >= 300
    assert lexicon.as_of == "2026-11-28" and lexicon.sources
    by_category = {t.category for t in lexicon.terms}
    assert by_category == {
        "absolute",
        "authority",
        "effects",
        "medical",
        "food_health",
        "superstition",
        "pressure",
        "diversion",
    }
    for term in lexicon.terms:
        assert term.basis.strip() and term.reason.strip(), term.term
        assert set(term.severity.values()) <= set(SEVERITIES), term.term
        assert set(term.severity) <= {"default", *lexicon.product_categories}, term.term


DOMAIN_TERMS = (
    "最佳 最好 最强 最低价 全网最低 历史最低价 第一 销量第一 NO.1 唯一 独家 首选 首家 国家级 世界级 顶级 极致 绝对 "
    "万能 100% 百分百 王牌 冠军 遥遥领先 国家机关推荐 特供 专供 免检 驰名商标 特效 奇效 速效 立竿见影 永久 "
    "永不反弹 无副作用 零风险 纯天然 无毒 治疗 治愈 疗效 药用 消炎 抗菌 杀菌 排毒 祛疤 生发 溶脂 减肥 降血压 "
    "降血糖 防癌 抗癌 增强免疫力 激素 干细胞 预防疾病 延年益寿 抗衰老 补肾 壮阳 增高 益智 代替药物 祖传秘方 "
    "招财进宝 转运 开光 辟邪 镇宅 风水 秒杀 抢疯了 万人疯抢 仅此一次 随时涨价 跳楼价 亏本价 出厂价 原价 0元购 "
    "加微信 私聊下单 微信转账 刷单 好评返现"
)


def test_every_term_domain_lists_is_in_the_lexicon_and_flags_itself():
    """DOMAIN.md §3's representative terms (bare 最 only via its compounds, by design)."""
    domain_terms = DOMAIN_TERMS.split()
    for term in domain_terms:
        assert [f.term for f in lint(term)] == [term], term


def test_several_lexicon_files_in_a_folder_are_merged(tmp_path):
    bundled = json.loads(resource("lexicon", "lexicon.json").read_text(encoding="utf-8"))
    extra = {
        "as_of": "2026-12-01",
        "sources": ["店主补充"],
        "terms": [
            {
                "term": "宇宙无敌",
                "category": "absolute",
                "severity": {"default": "error"},
                "basis": "广告法 第九条第（三）项",
                "reason": "极限用语",
            }
        ],
    }
    (tmp_path / "a.json").write_text(json.dumps(bundled, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(extra, ensure_ascii=False), encoding="utf-8")
    lexicon = load_lexicon(tmp_path)
    assert lexicon.as_of == "2026-12-01"
    assert [f.term for f in lint("我们宇宙无敌", None, lexicon)] == ["宇宙无敌"]


ORDINARY = ["第一次", "唯一的缺点", "最后一单", "最近", "最后", "第一天", "首先", "第一步", "第一时间"]
SCRIPT_PIECES = [
    "家人们",
    "今天",
    "这款",
    "全网最低价",
    "原价",
    "NO.1",
    "治疗",
    "纯天然",
    "，",
    "。",
    "abc ",
    "99元",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(SCRIPT_PIECES + ORDINARY), max_size=12),
    st.sampled_from(ORDINARY),
    st.integers(min_value=0, max_value=12),
)
def test_an_inserted_ordinary_word_is_never_part_of_a_finding(pieces, word, at):
    at = min(at, len(pieces))
    where = len("".join(pieces[:at]))
    after = lint("".join([*pieces[:at], word, *pieces[at:]]))
    assert not [f for f in after if f.start < where + len(word) and f.end > where]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([p for p in SCRIPT_PIECES if not p.isascii() and "NO" not in p] + ORDINARY),
        max_size=12,
    ),
    st.sampled_from(ORDINARY),
    st.integers(min_value=0, max_value=12),
)
def test_inserting_an_ordinary_word_into_chinese_talk_adds_no_finding(pieces, word, at):
    """(ASCII pieces are left out: splitting "NO.1NO.1" apart rightly makes two whole-word "NO.1"s.)"""
    at = min(at, len(pieces))
    before = lint("".join(pieces))
    after = lint("".join([*pieces[:at], word, *pieces[at:]]))
    assert [f.term for f in after] == [f.term for f in before]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("最第一唯的次天全网低价销量NO.1好治疗纯天然 a0%")), max_size=40))
def test_offsets_always_slice_to_the_term_and_never_overlap(text):
    findings = lint(text)
    last_end = 0
    for f in findings:
        assert text[f.start : f.end].lower() == f.term.lower()
        assert f.start >= last_end
        last_end = f.end
