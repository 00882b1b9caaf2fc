"""Papers (资质文件) of suppliers and products, made from the bundled ``documents`` rule itself.

Every paper type comes from the rule: a product gets the ``requires`` of its category plus those of the ``branded``
condition when it has a brand (``core.domain.readiness.required_codes``, as the app judges it); a requirement
held by the supplier (营业执照, 食品经营许可证…) goes to the product's supplier once. Each paper is stored on the
holder the rule names, with a real file in the vault, a vault row and a ``document.added`` ledger stub.

The mix, judged on the dataset's "now" (papers that expire): most current copies valid beyond the 30-day
warning window (86 %), some expiring within it (7 %), some lapsed (7 %); a few long-lived papers and the
品牌授权书 that outlived their one-to-three-year term were renewed (older, lapsed copies stay beside the current
one, as in the app); 4 % of required papers were never uploaded. Batch papers that never expire (合格证明, 承诺达标合格证, CMA 报告, 报关单, 检验检疫证明)
get later copies per batch until the dataset holds ``3,000 × scale`` papers. Document ids follow upload time.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from bench.gen_base import CST, DAY, HOUR, Gen, day_of, ts
from bench.gen_catalog import add_vault_file, fake_file

VALID, EXPIRING = 0.86, 0.07  # the rest of the papers that expire: lapsed (a copy never renewed)
MISSING = 0.04  # a required paper never uploaded
RENEWED = 0.08  # a long-lived paper whose current copy replaced one issued within the three years
# Typical validity of the synthetic copies (bench data, not a rule of the app): licences and registrations five
# years, a trademark ten, a brand authorisation one to three (often to the end of the supply contract).
TERM_DAYS = {"trademark_registration": (3650,), "brand_authorisation": (365, 730, 1095)}
DEFAULT_TERM_DAYS = (1825,)
BATCH_CODES = (
    "conformity_certificate",
    "farm_produce_certificate",
    "cma_test_report",
    "customs_declaration",
    "inspection_certificate",
)
# Number shapes as printed on the papers: prefix ("{y}" = year issued), random digits, suffix.
NUMBERS: dict[str, tuple[str, int, str]] = {
    "food_business_licence": ("JY1", 13, ""),
    "medical_device_business_licence": ("粤穗食药监械经营备{y}", 5, "号"),
    "conformity_certificate": ("HG{y}", 6, ""),
    "farm_produce_certificate": ("CNHG{y}", 8, ""),
    "food_production_licence": ("SC1", 13, ""),
    "health_food_approval": ("国食健注G{y}", 4, ""),
    "health_food_ad_approval": ("食健广审(文)第{y}", 6, "号"),
    "cosmetics_filing": ("粤G妆网备字{y}", 6, ""),
    "special_cosmetics_registration": ("国妆特字G{y}", 4, ""),
    "ccc_certificate": ("{y}01", 10, ""),
    "cma_test_report": ("CMA-{y}-", 6, ""),
    "medical_device_registration": ("粤械注准{y}2", 6, ""),
    "medical_device_ad_approval": ("粤械广审(文)第{y}", 6, "号"),
    "trademark_registration": ("第", 8, "号"),
    "brand_authorisation": ("SQ-{y}-", 5, ""),
    "customs_declaration": ("5", 17, ""),
    "inspection_certificate": ("4403{y}", 11, ""),
}


Plan = tuple[int, str, int, str, date, date | None]  # (added_us, holder, holder id, code, issued, expires)


def build(g: Gen) -> None:
    """Insert the papers (documents) with their vault files and ledger stubs."""
    from core import rules
    from core.domain.readiness import required_codes

    data = rules.bundled_rules()["documents"]["data"]
    reqs = data["requirements"]
    rng = g.rng
    today = day_of(g.now)
    plans: list[Plan] = []
    mix: Counter[str] = Counter()

    def plan(holder: str, holder_id: int, code: str, first_us: int) -> bool:
        """The copies of one required paper; False when it was never uploaded."""
        if rng.random() < MISSING:
            mix["missing"] += 1
            return False
        first_day = day_of(first_us)
        if not reqs[code]["expires"]:
            issued = first_day - timedelta(rng.randint(3, 400))
            plans.append((first_us, holder, holder_id, code, issued, None))
            return True
        term = g.pick(TERM_DAYS.get(code, DEFAULT_TERM_DAYS))
        for issued, expires, state in _copies(g, first_day, today, term):
            mix[state] += 1
            added = first_us if issued <= first_day else _upload_after(g, issued, first_us)
            plans.append((added, holder, holder_id, code, issued, expires))
        return True

    holders = g.shared["paper_holders"]
    supplier_needs: dict[int, list[str]] = {sid: [] for sid in g.shared["supplier_ids"]}
    product_papers: list[tuple[int, str, int]] = []
    for pid, category, branded, supplier_id, created in holders:
        first_us = min(max(created, g.start) + rng.randrange(HOUR, 72 * HOUR), g.now - 2 * HOUR)
        for code in required_codes(category, data, ("branded",) if branded else ()):
            if reqs[code]["holder"] == "supplier":
                if code not in supplier_needs[supplier_id]:
                    supplier_needs[supplier_id].append(code)
            elif plan("product", pid, code, first_us) and code in BATCH_CODES:
                product_papers.append((pid, code, first_us))
    every_category = [
        code
        for code in reqs
        if reqs[code]["holder"] == "supplier"
        and all(code in cat["requires"] for cat in data["categories"].values())
    ]
    for supplier_id, needs in supplier_needs.items():
        first_us = g.start + rng.randrange(0, 30) * DAY + rng.randrange(9 * HOUR, 18 * HOUR)
        for code in sorted(needs or every_category, key=list(reqs).index):
            plan("supplier", supplier_id, code, first_us)

    batches = [p for p in product_papers if (today - day_of(p[2])).days >= 2]
    while len(plans) < g.n(3000, 30) and batches:  # later batches' certificates
        pid, code, first_us = batches[int(rng.random() * len(batches))]
        span = (today - day_of(first_us)).days
        issued = day_of(first_us) + timedelta(days=rng.randint(1, span - 1))
        plans.append((_upload_after(g, issued, first_us), "product", pid, code, issued, None))
        mix["batch copy"] += 1

    _insert(g, sorted(plans, key=lambda p: (p[0], p[1], p[2], p[3])))
    shown = ", ".join(f"{k} {v:,}" for k, v in sorted(mix.items()))
    print(f"  papers: {len(plans):,} ({shown})", flush=True)


def _copies(g: Gen, first_day: date, today: date, term: int) -> list[tuple[date, date, str]]:
    """(issued, expires, state) of one expiring paper's copies, the current one first."""
    rng = g.rng
    roll = rng.random()
    if roll < VALID:
        # the latest expiry of one copy the holder has had from its first day
        latest_single = (first_day - today).days + term
        if latest_single < 31 or rng.random() < RENEWED:
            expires = today + timedelta(days=rng.randint(31, term))
        else:
            expires = today + timedelta(days=rng.randint(31, latest_single))
        issued = expires - timedelta(days=term)
        copies = [(issued, expires, "valid")]
        while issued > first_day:  # it renewed the copy before it
            before = issued + timedelta(days=rng.randint(0, 20))
            issued = before - timedelta(days=term)
            copies.append((issued, before, "renewed (older copy)"))
        return copies
    if roll < VALID + EXPIRING:
        expires, state = today + timedelta(days=rng.randint(0, 30)), "expiring"
    else:
        expires, state = today - timedelta(days=rng.randint(1, 240)), "lapsed"
    issued = min(expires - timedelta(days=term), first_day - timedelta(days=rng.randint(0, 60)))
    return [(issued, expires, state)]


def _upload_after(g: Gen, issued: date, first_us: int) -> int:
    """When a copy issued on ``issued`` was uploaded: within ten days, in office hours, never in the future."""
    day_us = (issued - date(1970, 1, 1)).days * DAY - CST  # the studio's midnight, in UTC
    at = day_us + g.rng.randint(0, 10) * DAY + g.rng.randint(9, 18) * HOUR + g.rng.randrange(0, HOUR)
    return max(first_us, min(at, g.now - 2 * HOUR))


def _number(g: Gen, code: str, holder_id: int, issued: date) -> str:
    if code == "business_licence":
        return g.shared["supplier_codes"].get(holder_id, "")
    prefix, digits, suffix = NUMBERS.get(code, (code[:3].upper() + "{y}", 7, ""))
    return f"{prefix.format(y=issued.year)}{g.rng.randrange(10**digits):0{digits}d}{suffix}"


def _insert(g: Gen, plans: list[Plan]) -> None:
    actors = g.shared["staff"]["owner"] + g.shared["staff"]["operator"]
    rows: list[tuple[Any, ...]] = []
    for doc_id, (added, holder, holder_id, code, issued, expires) in enumerate(plans, start=1):
        actor = g.pick(actors)
        content, media = fake_file(g, f"document {doc_id} {code}")
        sha = add_vault_file(g, content, f"{code}-{doc_id}.pdf", media, actor, added - 1)
        supplier_id = holder_id if holder == "supplier" else None
        product_id = holder_id if holder == "product" else None
        rows.append(
            (
                doc_id,
                code,
                _number(g, code, holder_id, issued),
                issued.isoformat(),
                expires.isoformat() if expires else None,
                supplier_id,
                product_id,
                sha,
                actor,
                ts(added),
            )
        )
        payload = {"doc_type": code, "holder": holder, "holder_id": holder_id, "vault_sha256": sha}
        g.stub("document", doc_id, added, actor, "document.added", payload)
    g.insert(
        "documents",
        [
            "id",
            "doc_type",
            "number",
            "issued_on",
            "expires_on",
            "supplier_id",
            "product_id",
            "vault_sha256",
            "added_by",
            "added_at",
        ],
        rows,
    )
