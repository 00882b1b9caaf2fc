"""Build ``studio.db.sample`` from a fixed seed: a realistic small studio that later issues extend.

    python tools/build_sample.py [--out studio.db.sample]

Deterministic: the same code gives the same rows (a test rebuilds it and compares every table and vault file).
The studio's set-up goes in through Core inserts with fixed timestamps; its history (papers uploaded into the
vault, checklists signed, sessions gone live, a script; the last stream's timeline and promises) is replayed through
the real services under a fixed clock (``tools/sample_history.py``, ``tools/sample_live.py``), so the ledger
verifies. Password salts come from the seed. The sample's vault files live in ``resources/sample.vault`` and are
copied beside every demo copy. The demo accounts and their password are documented in README.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from core.db import models as m

SEED = 20261128
STUDIO_TZ = ZoneInfo("Asia/Shanghai")
# The sample studio's "today": sessions before it have happened, sessions after it are planned.
SAMPLE_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=STUDIO_TZ)
LAPSED_SKU = "EL-002"  # its 3C certificate lapsed (tools/sample_history.py): planned lineups leave it out
DEMO_PASSWORD = "studio2026"

STAFF = [
    # username, display name, role, real-name verified, birth date (hosts only: the 16+ check)
    ("wangfang", "王芳", "owner", True, None),
    ("liming", "李明", "operator", True, None),
    ("chenjing", "陈静", "service", True, None),
    ("zhaolei", "赵磊", "service", True, None),
    ("xiaomei", "小美", "host", True, date(1998, 5, 12)),
    ("ajie", "阿杰", "host", True, date(2001, 9, 3)),
]

SUPPLIERS = [
    ("广州禾丰食品有限公司", "91440101MA9W3K8T0E", "刘经理 138****2210"),
    ("杭州澜颜化妆品有限公司", "91330106MA2H4L6N3W", "周女士 139****0876"),
    ("深圳声科电子有限公司", "91440300MA5G7R2P1T", "黄先生 137****5521"),
    ("义乌优品家居用品厂", "92330782MA2E8C1X7F", "吴老板 135****3307"),
]

# sku, name, category, supplier index, brand, list price (yuan), 三包, excluded from 7-day no-reason, reason, needs confirmation
PRODUCTS = [
    ("FD-001", "禾丰手工红糖姜茶 12袋装", "food", 0, "禾丰", 59, False, False, "", False),
    ("FD-002", "高山有机黑木耳 250g", "food", 0, "禾丰", 39, False, False, "", False),
    ("FD-003", "即食燕麦脆 6罐礼盒", "food", 0, "禾丰", 89, False, False, "", False),
    ("FR-001", "赣南脐橙 5kg 现摘", "fresh", 0, "禾丰", 49, False, True, "fresh", False),
    ("HF-001", "益生菌固体饮料 30条", "health_food", 0, "禾丰", 168, False, True, "unsealed_quality", True),
    ("CS-001", "澜颜氨基酸洁面乳 120g", "cosmetics", 1, "澜颜", 79, False, True, "unsealed_quality", True),
    ("CS-002", "澜颜玻尿酸补水面膜 10片", "cosmetics", 1, "澜颜", 99, False, True, "unsealed_quality", True),
    (
        "SC-001",
        "澜颜清透防晒乳 SPF50+",
        "special_cosmetics",
        1,
        "澜颜",
        139,
        False,
        True,
        "unsealed_quality",
        True,
    ),
    ("EL-001", "声科降噪蓝牙耳机 S3", "ccc", 2, "声科", 299, True, False, "", False),
    ("EL-002", "声科 65W 氮化镓充电器", "ccc", 2, "声科", 129, True, False, "", False),
    ("DG-001", "声科智能手环 会员激活码", "digital", 2, "声科", 49, False, True, "digital", False),
    ("HM-001", "优品加厚珊瑚绒四件套 1.8m", "general", 3, "优品", 259, False, False, "", False),
    ("HM-002", "优品定制刻字保温杯", "custom", 3, "优品", 69, False, True, "custom", False),
    ("JW-001", "足金转运珠手绳", "jewellery", 3, "优品", 1280, False, False, "", False),
]


def _utc(dt: datetime) -> datetime:
    return dt.astimezone(UTC)


def build(out: Path, vault: Path | None = None) -> Path:
    """Write the sample database to ``out`` and its vault files to ``vault`` (both replaced); return ``out``."""
    import shutil
    import tempfile

    from core.paths import sample_vault

    vault = sample_vault() if vault is None else vault
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "studio.db"
        _build(work)
        _compact(work)
        out.unlink(missing_ok=True)
        shutil.copyfile(work, out)
        shutil.rmtree(vault, ignore_errors=True)
        shutil.copytree(Path(folder) / "studio.vault", vault)
    return out


def _build(out: Path) -> None:
    import sample_aftersales
    import sample_evaluation
    import sample_history
    import sample_incidents
    import sample_live

    from core import rules
    from core.db.opening import open_database
    from core.services.auth import hash_password

    rng = random.Random(SEED)
    db = open_database(out, create=True)
    created = _utc(SAMPLE_NOW - timedelta(days=75))
    with db.engine.begin() as conn:
        conn.execute(
            insert(m.Studio),
            [
                {
                    "id": 1,
                    "legal_name": "广州星禾电子商务有限公司",
                    "credit_code": "91440113MA5CXH7Q22",
                    "display_name": "星禾优选直播间",
                    "shops": [
                        {"platform": "douyin", "shop": "星禾优选旗舰店"},
                        {"platform": "wechat", "shop": "星禾优选视频号小店"},
                    ],
                    "after_sales_policy": (
                        "本店支持七天无理由退货（生鲜、定制、已激活数字商品及拆封后影响安全卫生的商品除外，"
                        "下单时页面提示并经您确认）。质量问题运费由本店承担；退货收到后 3 个工作日内退款。"
                        "客服在线时间 9:00–22:00。"
                    ),
                    "return_address": "广州市番禺区星禾路 18 号 2 栋 301 室 星禾售后组（收）",
                    "service_phone": "020-3888-0000",
                    "timezone": "Asia/Shanghai",
                    "retention_years": 3,
                    "updated_at": created,
                }
            ],
        )
        conn.execute(
            insert(m.User),
            [
                {
                    "id": i,
                    "username": username,
                    "display_name": name,
                    "role": role,
                    "password_hash": hash_password(DEMO_PASSWORD, salt=rng.randbytes(16)),
                    "active": True,
                    "failed_logins": 0,
                    "real_name_verified": verified,
                    "birth_date": birth,
                    "created_at": created,
                }
                for i, (username, name, role, verified, birth) in enumerate(STAFF, start=1)
            ],
        )
        conn.execute(
            insert(m.RuleSet),
            [
                {
                    "kind": kind,
                    "version": body["version"],
                    "as_of": date.fromisoformat(body["as_of"]),
                    "origin": "bundled",
                    "active": True,
                    "data": body,
                    "created_at": created,
                    "created_by": None,
                }
                for kind, body in sorted(rules.bundled_rules().items())
            ],
        )
        conn.execute(
            insert(m.Supplier),
            [
                {"id": i, "name": n, "credit_code": c, "contact": contact, "note": "", "active": True}
                for i, (n, c, contact) in enumerate(SUPPLIERS, start=1)
            ],
        )
        conn.execute(
            insert(m.Product),
            [
                {
                    "id": i,
                    "sku": sku,
                    "name": name,
                    "category": category,
                    "brand": brand,
                    "supplier_id": supplier + 1,
                    "list_price_fen": price * 100,
                    "three_guarantees": three,
                    "no_reason_excluded": excluded,
                    "exclusion_reason": reason,
                    "exclusion_needs_confirmation": confirm,
                    "active": True,
                    "created_at": created,
                }
                for i, (
                    sku,
                    name,
                    category,
                    supplier,
                    brand,
                    price,
                    three,
                    excluded,
                    reason,
                    confirm,
                ) in enumerate(PRODUCTS, start=1)
            ],
        )
        past, planned = _sessions(conn, rng)
    sample_history.add_papers(db, PRODUCTS, SUPPLIERS, created + timedelta(days=1))
    sample_history.run_past_checklists(db, past, keep_live=past[-1]["id"])
    sample_live.replay_stream(db, past[-1], STUDIO_TZ)  # the last stream: timeline and promises (issue 4)
    sample_aftersales.add_after_sales(db, past, STUDIO_TZ)  # orders imported, the after-sales desk (issue 5)
    sample_incidents.add_incidents(db, past, STUDIO_TZ)  # the public-opinion register (issue 6)
    sample_evaluation.add_evaluation(db, STUDIO_TZ)  # October's signed self-assessment (issue 7)
    sample_history.prepare_planned(db, planned[0], planned[1], _utc(SAMPLE_NOW))
    db.dispose()


def _session_days() -> list[tuple[date, bool]]:
    """Two months of streams, three evenings a week, plus two planned after SAMPLE_NOW."""
    days: list[tuple[date, bool]] = []
    day = date(2026, 9, 21)
    while day <= SAMPLE_NOW.date() + timedelta(days=12):
        if day.weekday() in (0, 2, 4):  # Mon, Wed, Fri
            planned = day > SAMPLE_NOW.date()
            if not planned or len([d for d in days if d[1]]) < 2:
                days.append((day, planned))
        day += timedelta(days=1)
    return days


def _sessions(conn: object, rng: random.Random) -> tuple[list[dict], list[dict]]:
    """Insert every session as planned; return (past, planned) for the history replay to sign and take live."""
    sessions, hosts, lineups, past, planned_rows = [], [], [], [], []
    lapsed = next(i for i, p in enumerate(PRODUCTS, start=1) if p[0] == LAPSED_SKU)
    host_ids = [i for i, s in enumerate(STAFF, start=1) if s[2] == "host"]
    operator_id = next(i for i, s in enumerate(STAFF, start=1) if s[2] == "operator")
    lineup_id = 0
    for sid, (day, planned) in enumerate(_session_days(), start=1):
        start = datetime(day.year, day.month, day.day, 19, 30, tzinfo=STUDIO_TZ)
        end = start + timedelta(hours=3)
        theme = ["宠粉福利夜", "秋冬好物专场", "源头工厂直供", "美妆护肤专场", "数码家居专场"][sid % 5]
        platform = "wechat" if sid % 4 == 0 else "douyin"
        sessions.append(
            {
                "id": sid,
                "title": f"{day:%m月%d日} {theme}",
                "platform": platform,
                "shop": "星禾优选视频号小店" if platform == "wechat" else "星禾优选旗舰店",
                "planned_start": _utc(start),
                "planned_end": _utc(end),
                "actual_start": None,
                "actual_end": None,
                "status": "planned",
                "recording_ref": "",
                "notes": "",
                "created_by": operator_id,
                "created_at": _utc(start - timedelta(days=3)),
            }
        )
        history = {
            "id": sid,
            "planned_start": _utc(start),
            "actual_start": _utc(start + timedelta(minutes=rng.randint(0, 6))),
            "actual_end": _utc(end + timedelta(minutes=rng.randint(-10, 25))),
            "recording_ref": f"录屏/{day:%Y%m%d}-{sid:03d}.mp4",
        }
        hosts.append({"session_id": sid, "user_id": host_ids[sid % 2]})
        if sid % 3 == 0:
            hosts.append({"session_id": sid, "user_id": host_ids[(sid + 1) % 2]})
        picks = rng.sample(range(1, len(PRODUCTS) + 1), rng.randint(5, 8))
        if planned:
            picks = [pid for pid in picks if pid != lapsed]
        history["special_cosmetics"] = any(PRODUCTS[pid - 1][2] == "special_cosmetics" for pid in picks)
        (planned_rows if planned else past).append(history)
        for position, pid in enumerate(picks, start=1):
            lineup_id += 1
            list_price = PRODUCTS[pid - 1][5] * 100
            live = int(list_price * rng.choice([0.6, 0.69, 0.75, 0.8, 0.85]) // 10 * 10)
            lineups.append(
                {
                    "id": lineup_id,
                    "session_id": sid,
                    "product_id": pid,
                    "position": position,
                    "live_price_fen": live,
                    "claimed_original_fen": list_price,
                    "lowest_7d_fen": list_price if rng.random() > 0.15 else int(list_price * 0.9),
                    "price_evidence": "店铺近 7 日成交价截图",
                    "gift_stock_confirmed": not planned,
                    "override_reason": "",
                    "override_by": None,
                }
            )
    conn.execute(insert(m.LiveSession), sessions)  # type: ignore[attr-defined]
    conn.execute(insert(m.SessionHost), hosts)  # type: ignore[attr-defined]
    conn.execute(insert(m.LineupItem), lineups)  # type: ignore[attr-defined]
    return past, planned_rows


def _compact(path: Path) -> None:
    """Fold the WAL back in and vacuum, so the committed file is one self-contained file."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Rollback-journal mode in the committed file: reading it never leaves -wal/-shm files beside it.
        # The app switches each opened copy back to WAL.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "studio.db.sample"
    )
    parser.add_argument("--vault", type=Path, default=None, help="default: resources/sample.vault")
    args = parser.parse_args()
    print(build(args.out, args.vault))
    return 0


if __name__ == "__main__":
    sys.exit(main())
