"""Suppliers, products and the vault files with real content on disk (their papers: ``bench.gen_papers``)."""

from __future__ import annotations

from bench.gen_base import DAY, Gen, ts, write_vault_file
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
    ("imported_food", 4, ["进口奶粉", "意大利面", "橄榄油"], (39, 399), False, False, "", False),
    ("medical_device", 2, ["电子体温计", "医用外科口罩", "血压计"], (19, 299), False, False, "", False),
]

# Share of each category's products sold under a brand (the documents rule's ``branded`` condition then asks for
# 商标注册证 + 品牌授权书): loose fresh produce and made-to-order goods mostly carry none.
BRANDED_SHARE = {"fresh": 0.3, "custom": 0.2, "digital": 0.5}
BRANDED_DEFAULT = 0.8

BRANDS = ["禾丰", "澜颜", "声科", "优品", "山野集", "暖居", "轻氧", "金禧", "鲜生到家", "知行"]


def build(g: Gen) -> None:
    """Suppliers and products (their papers come from ``bench.gen_papers``)."""
    _suppliers_products(g)


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
    g.shared["supplier_codes"] = {row[0]: row[2] for row in rows}  # 统一社会信用代码: the licence's number

    n_products = g.n(400, 40)
    weights = [c[1] for c in CATEGORIES]
    rows, products, holders = [], [], []
    for i in range(1, n_products + 1):
        cat, _, stems, (lo, hi), three, excluded, reason, confirm = rng.choices(CATEGORIES, weights)[0]
        price = rng.randint(lo, hi) * 100 - rng.choice([0, 10, 100])
        brand = g.pick(BRANDS) if rng.random() < BRANDED_SHARE.get(cat, BRANDED_DEFAULT) else ""
        name = (
            f"{brand}{g.pick(stems)} {g.pick(['经典款', '家庭装', '礼盒装', '升级款', '尝鲜装', '旗舰款'])}"
        )
        created = g.start - 30 * DAY + rng.randrange(0, 900) * DAY
        supplier_id, active = rng.choice(g.shared["supplier_ids"]), rng.random() > 0.1
        products.append((i, cat, price, created))
        holders.append((i, cat, bool(brand), supplier_id, created))
        rows.append(
            (
                i,
                f"{cat[:2].upper()}-{i:05d}",
                name,
                cat,
                brand,
                supplier_id,
                price,
                int(three),
                int(excluded),
                reason,
                int(confirm),
                int(active),
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
    g.shared["paper_holders"] = holders  # (id, category, branded, supplier id, created_us) for gen_papers


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


def flush_vault_rows(g: Gen) -> None:
    """Insert every vault file row made by the parts (documents, attachments, checklist evidence)."""
    g.insert(
        "vault_files",
        ["sha256", "size", "original_name", "media_type", "added_by", "added_at"],
        g.shared.pop("vault_rows", []),
    )
