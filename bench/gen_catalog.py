"""Suppliers, products, their papers (documents) and the vault files with real content on disk."""

from __future__ import annotations

from datetime import timedelta

from bench.gen_base import DAY, MINUTE, Gen, day_of, ts, write_vault_file
from bench.gen_studio import SURNAMES

CATEGORIES = [
    # category, weight, name stems, price range (yuan), 三包, excluded from no-reason, exclusion reason, confirm
    (
        "food",
        22,
        ["红糖姜茶", "黑木耳", "燕麦脆", "坚果礼盒", "螺蛳粉", "手工挂面", "蜂蜜"],
        (19, 129),
        False,
        False,
        "",
        False,
    ),
    (
        "fresh",
        10,
        ["脐橙", "阳澄湖大闸蟹", "车厘子", "牛排", "冰鲜三文鱼"],
        (39, 299),
        False,
        True,
        "fresh",
        False,
    ),
    (
        "health_food",
        5,
        ["益生菌", "鱼油软胶囊", "维生素C片"],
        (69, 299),
        False,
        True,
        "unsealed_quality",
        True,
    ),
    (
        "cosmetics",
        16,
        ["洁面乳", "补水面膜", "精华液", "身体乳", "口红"],
        (39, 399),
        False,
        True,
        "unsealed_quality",
        True,
    ),
    ("special_cosmetics", 4, ["防晒乳", "染发膏"], (59, 199), False, True, "unsealed_quality", True),
    (
        "ccc",
        12,
        ["蓝牙耳机", "氮化镓充电器", "电热水壶", "吹风机", "移动电源"],
        (59, 699),
        True,
        False,
        "",
        False,
    ),
    ("digital", 4, ["会员激活码", "在线课程"], (19, 199), False, True, "digital", False),
    (
        "general",
        20,
        ["四件套", "收纳箱", "保温杯", "拖鞋", "毛巾礼盒", "卫衣", "羽绒服"],
        (29, 599),
        False,
        False,
        "",
        False,
    ),
    ("custom", 3, ["定制刻字保温杯", "定制照片台历"], (49, 159), False, True, "custom", False),
    ("jewellery", 4, ["足金转运珠", "银手镯", "珍珠耳钉"], (199, 2999), False, False, "", False),
]

DOC_TYPES = {
    "supplier": ["business_licence", "food_business_licence", "brand_authorisation"],
    "food": ["inspection_report", "food_production_licence"],
    "fresh": ["quarantine_certificate", "inspection_report"],
    "health_food": ["health_food_registration", "inspection_report"],
    "cosmetics": ["cosmetics_filing", "inspection_report"],
    "special_cosmetics": ["special_cosmetics_registration", "inspection_report"],
    "ccc": ["ccc_certificate", "inspection_report"],
    "digital": ["software_copyright"],
    "general": ["inspection_report"],
    "custom": ["inspection_report"],
    "jewellery": ["precious_metal_assay", "inspection_report"],
}

BRANDS = ["禾丰", "澜颜", "声科", "优品", "山野集", "暖居", "轻氧", "金禧", "鲜生到家", "知行"]


def build(g: Gen) -> None:
    """Suppliers, products and their documents (each a real file in the vault)."""
    _suppliers_products(g)
    _documents(g)


def _suppliers_products(g: Gen) -> None:
    rng = g.rng
    n_suppliers = g.n(60, 6)
    rows = []
    for i in range(1, n_suppliers + 1):
        city = g.pick(["广州", "杭州", "深圳", "义乌", "成都", "青岛", "泉州", "苏州"])
        kind = g.pick(
            ["食品有限公司", "化妆品有限公司", "电子有限公司", "家居用品厂", "贸易有限公司", "农业合作社"]
        )
        code = f"9144{rng.randrange(10**13, 10**14):014d}"
        rows.append(
            (
                i,
                f"{city}{g.pick(BRANDS)}{kind}{i:02d}",
                code,
                f"{g.pick(SURNAMES)}经理 13{rng.randint(0, 9)}****{rng.randint(0, 9999):04d}",
                "",
                int(rng.random() > 0.08),
            )
        )
    g.insert("suppliers", ["id", "name", "credit_code", "contact", "note", "active"], rows)
    g.shared["supplier_ids"] = list(range(1, n_suppliers + 1))

    n_products = g.n(400, 40)
    weights = [c[1] for c in CATEGORIES]
    rows, products = [], []
    for i in range(1, n_products + 1):
        cat, _, stems, (lo, hi), three, excluded, reason, confirm = rng.choices(CATEGORIES, weights)[0]
        price = rng.randint(lo, hi) * 100 - rng.choice([0, 10, 100])
        brand = g.pick(BRANDS)
        name = (
            f"{brand}{g.pick(stems)} {g.pick(['经典款', '家庭装', '礼盒装', '升级款', '尝鲜装', '旗舰款'])}"
        )
        created = g.start - 30 * DAY + rng.randrange(0, 900) * DAY
        products.append((i, cat, price, created))
        rows.append(
            (
                i,
                f"{cat[:2].upper()}-{i:05d}",
                name,
                cat,
                brand,
                rng.choice(g.shared["supplier_ids"]),
                price,
                int(three),
                int(excluded),
                reason,
                int(confirm),
                int(rng.random() > 0.1),
                ts(created),
            )
        )
    g.insert(
        "products",
        [
            "id",
            "sku",
            "name",
            "category",
            "brand",
            "supplier_id",
            "list_price_fen",
            "three_guarantees",
            "no_reason_excluded",
            "exclusion_reason",
            "exclusion_needs_confirmation",
            "active",
            "created_at",
        ],
        rows,
    )
    g.shared["products"] = products  # (id, category, list price fen, created_us)


def add_vault_file(g: Gen, content: bytes, name: str, media_type: str, actor: int | None, at_us: int) -> str:
    """A real file in the vault folder plus its vault_files row (inserted at the end) and ledger stub."""
    from core.paths import vault_dir_for

    sha, size = write_vault_file(vault_dir_for(g.db_path), content)
    g.shared.setdefault("vault_rows", []).append((sha, size, name, media_type, actor, ts(at_us)))
    g.stub("vault_file", sha, at_us, actor, "vault.added", {"sha256": sha, "name": name, "size": size})
    return sha


def fake_file(g: Gen, label: str, kind: str = "pdf") -> tuple[bytes, str]:
    """A small file with unique content: a few KB, so verify's file pass has real hashing to do."""
    head = b"%PDF-1.4\n" if kind == "pdf" else b"\xff\xd8\xff\xe0JFIF\x00"
    body = head + label.encode("utf-8") + b"\n" + g.rng.randbytes(g.rng.randint(1024, 6144))
    return body, "application/pdf" if kind == "pdf" else "image/jpeg"


def _documents(g: Gen) -> None:
    rng = g.rng
    n_docs = g.n(3000, 30)
    owner_ids = g.shared["staff"]["owner"] + g.shared["staff"]["operator"]
    products = g.shared["products"]
    rows = []
    for i in range(1, n_docs + 1):
        if rng.random() < 0.15:
            supplier, product, doc_type = (
                rng.choice(g.shared["supplier_ids"]),
                None,
                g.pick(DOC_TYPES["supplier"]),
            )
        else:
            pid, cat, _, _ = rng.choice(products)
            supplier, product, doc_type = None, pid, g.pick(DOC_TYPES[cat])
        added = g.start + rng.randrange(0, (g.now - g.start) // MINUTE - 60) * MINUTE
        issued = day_of(added) - timedelta(days=rng.randint(10, 700))
        expires = issued + timedelta(days=rng.choice([365, 730, 1095, 1825])) if rng.random() < 0.8 else None
        actor = rng.choice(owner_ids)
        content, media = fake_file(g, f"document {i} {doc_type}")
        sha = add_vault_file(g, content, f"{doc_type}-{i}.pdf", media, actor, added - 1)
        number = f"{doc_type[:3].upper()}{issued:%Y}{rng.randrange(10**7):07d}"
        rows.append(
            (
                i,
                doc_type,
                number,
                issued.isoformat(),
                expires.isoformat() if expires else None,
                supplier,
                product,
                sha,
                actor,
                ts(added),
            )
        )
        g.stub("document", i, added, actor, "document.added", {"doc_type": doc_type, "sha256": sha})
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


def flush_vault_rows(g: Gen) -> None:
    """Insert every vault file row made by the parts (documents, attachments, checklist evidence)."""
    g.insert(
        "vault_files",
        ["sha256", "size", "original_name", "media_type", "added_by", "added_at"],
        g.shared.pop("vault_rows", []),
    )
