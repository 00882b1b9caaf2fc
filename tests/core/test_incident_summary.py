"""舆情处置报告 (issue 6, deliverable 6): the incident summary PDF — the post as saved, the screenshots, the tier
history with reasons, each clock met or missed, the handling log (the statement's text), the closure review (the
corrective action and its owner, the owner's override reason) and the ledger head, from the app and the CLI.

Basis: DOMAIN §6 (evidence first, tier clocks); 电子商务法 Art 62 (original records: who did what when, ledger head).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image as PILImage

from core import clock
from core.domain.codes import Role
from core.errors import InvalidInput
from core.reports.incident_summary import build_incident_summary
from core.services import incident_actions, incidents
from core.services.incident_summary import incident_summary_data, incident_summary_for_code
from tests.builders import add_staff, planned_session

ROOT = Path(__file__).resolve().parents[2]
SEEN = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
NOW = SEEN + timedelta(days=1, hours=4)  # 2026-11-21 14:00 in Shanghai
STATEMENT = "关于保温杯漏水的说明：该批次密封圈存在缺陷，已为全部买家办理退款"
SNAPSHOT = "买的保温杯第二天就漏水，客服不理人"
ESCALATION = "小红书博主转发，当日同类投诉超过 50 条"
CORRECTIVE = "保温杯密封圈批次抽检"
OVERRIDE = "供应商已停产该批次，抽检转入供应商季度复盘"


@dataclass(frozen=True)
class Case:
    incident_id: int
    code: str
    shot_sha: str


def at(hours: float) -> datetime:
    return SEEN + timedelta(hours=hours)


def act(db, actor, fn, *args, when: datetime, **kwargs):
    with clock.fixed(when), db.unit_of_work(actor) as session:
        return fn(session, actor, *args, **kwargs)


def build_case(db, owner, tmp_path: Path) -> Case:
    """Tier II incident: statement in time (met), no fix plan (missed), one open corrective action, closed by the
    owner with a reason."""
    service = add_staff(db, owner, Role.SERVICE, display_name="客服小李")
    sid = planned_session(db, owner, title="双十一保温杯专场", start=SEEN - timedelta(days=10))
    shot = tmp_path / "小红书截图.png"
    PILImage.new("RGB", (360, 640), (250, 235, 235)).save(shot)
    with clock.fixed(at(0.1)), db.unit_of_work(owner) as s:
        row = incidents.open_incident(
            s, owner, channel="xiaohongshu", link="https://www.xiaohongshu.com/explore/65a1b2c3",
            snapshot_text=SNAPSHOT, first_seen_at=SEEN, summary="保温杯漏水差评", reach=3200,
        )  # fmt: skip
        iid, code = row.id, row.code
    action = act(db, owner, incidents.attach_screenshot, db.vault_dir, iid, shot, when=at(0.2))
    act(db, owner, incidents.link_to, iid, "session", sid, when=at(0.25))
    act(db, owner, incidents.set_tier, iid, "IV", when=at(0.3))
    act(db, service, incident_actions.record_action, iid, "contacted", body="私信买家，已致歉", when=at(0.5))
    act(db, owner, incidents.set_tier, iid, "II", reason=ESCALATION, when=at(2))
    act(db, owner, incident_actions.record_action, iid, "statement", body=STATEMENT, when=at(3))
    act(
        db, owner, incident_actions.add_corrective_action, iid, title=CORRECTIVE, owner_id=service.user_id,
        due_on=date(2026, 11, 25), when=at(3.5),
    )  # fmt: skip
    act(
        db, owner, incident_actions.close_incident, iid, root_cause="供应商密封圈批次不良，未做到货抽检",
        override_reason=OVERRIDE, when=at(27),
    )  # fmt: skip
    with db.sessions() as s:
        sha = s.get(type(action), action.id).data["sha256"]
    return Case(iid, code, sha)


@pytest.fixture
def case(tmp_db, owner, tmp_path) -> Case:
    return build_case(tmp_db, owner, tmp_path)


def pdf_text(pdf: bytes | Path) -> str:
    """The PDF's text as a reader sees it (pdftotext), whitespace removed so wrapped lines join."""
    source = str(pdf) if isinstance(pdf, Path) else "-"
    data = None if isinstance(pdf, Path) else pdf
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", source, "-"], input=data, capture_output=True, check=True
    )
    return "".join(out.stdout.decode("utf-8").split())


def squash(text: str) -> str:
    return "".join(text.split())


def test_the_data_says_which_clock_was_met_when_and_which_was_missed_by_how_much(tmp_db, case):
    with tmp_db.sessions() as s:
        data = incident_summary_data(s, case.incident_id, now=NOW, vault_dir=tmp_db.vault_dir)
    clocks = {c.name: c for c in data.clocks}
    statement, fix_plan = clocks["公开声明（2 小时）"], clocks["解决/整改方案（24 小时）"]
    assert (statement.state_code, statement.state) == ("met", "按时完成：2026-11-20 13:00")
    assert fix_plan.state_code == "missed" and fix_plan.due == "2026-11-21 12:00"
    assert fix_plan.state == "已超时，打印时仍未完成（已晚 2 小时）"
    assert [(t.change, t.reason) for t in data.tiers] == [("确认为 IV", ""), ("升级 IV → II", ESCALATION)]
    assert data.screenshots[0].intact and Path(data.screenshots[0].image_path).is_file()
    assert data.corrective[0].is_open and data.corrective[0].owner == "客服小李"


def test_the_tier_iv_contact_within_the_hour_stays_on_the_summary_after_the_escalation_domain_6(
    tmp_db, case, tmp_path
):
    with tmp_db.sessions() as s:
        data = incident_summary_data(s, case.incident_id, now=NOW, vault_dir=tmp_db.vault_dir)
    assert [(c.tier, c.name, c.state_code) for c in data.clocks] == [
        ("IV", "首次联系（1 小时）", "met"),
        ("IV", "解决/整改方案（24 小时）", "superseded"),  # escalated at 12:00, long before it was due
        ("II", "公开声明（2 小时）", "met"),
        ("II", "解决/整改方案（24 小时）", "missed"),
    ]
    assert data.clocks[0].state == "按时完成：2026-11-20 10:30"
    assert data.clocks[1].state == "因级别调整不再适用（2026-11-20 12:00 调整时尚未到期）"
    text = pdf_text(build_incident_summary(data, tmp_path / "s.pdf"))
    assert (
        "级别时限截止结果" in text and "IV首次联系（1小时）2026-11-2011:00按时完成：2026-11-2010:30" in text
    )
    assert "因级别调整不再适用" in text


def test_an_earlier_tiers_clock_missed_before_the_change_says_when_the_tier_changed_domain_6(tmp_db, owner):
    with clock.fixed(at(0.1)), tmp_db.unit_of_work(owner) as s:
        iid = incidents.open_incident(
            s, owner, channel="douyin", link="", snapshot_text=SNAPSHOT, first_seen_at=SEEN
        ).id
    act(
        tmp_db, owner, incidents.set_tier, iid, "III", when=at(0.3)
    )  # the first confirmation starts no period
    act(tmp_db, owner, incidents.set_tier, iid, "II", reason=ESCALATION, when=at(5))
    with tmp_db.sessions() as s:
        data = incident_summary_data(s, iid, now=NOW)
    (statement, *_tier_ii) = data.clocks
    assert (statement.tier, statement.due, statement.state_code) == ("III", "2026-11-20 14:00", "missed")
    assert statement.state == "已超时：2026-11-20 15:00 级别调整时仍未完成（已晚 1 小时）"


def test_pdf_shows_statement_clocks_corrective_owner_override_and_ledger_with_the_font_embedded(
    tmp_db, case, tmp_path
):
    with tmp_db.sessions() as s:
        data = incident_summary_for_code(s, case.code, now=NOW, vault_dir=tmp_db.vault_dir)
    out = tmp_path / "舆情报告.pdf"
    pdf = build_incident_summary(data, out)
    assert out.read_bytes() == pdf
    text = pdf_text(pdf)
    assert "舆情处置报告" in text and case.code in text and "■" not in text
    assert squash(SNAPSHOT) in text and squash(STATEMENT) in text and squash(ESCALATION) in text
    assert "按时完成：2026-11-2013:00" in text and "已超时，打印时仍未完成（已晚2小时）" in text
    assert squash(CORRECTIVE) in text and "客服小李" in text and squash(OVERRIDE) in text
    assert case.shot_sha[:16] in text and "双十一保温杯专场" in text and "网络直播营销管理办法" in text
    assert data.ledger_hash in text and "pythonmain.pyverify" in text
    assert b"/FontFile2" in pdf  # the CJK TrueType font travels inside the file
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts and all(" yes " in line for line in fonts.splitlines()[2:])
    assert b"/Subtype /Image" in pdf  # the screenshot itself is printed


def test_an_unconfirmed_open_incident_without_public_link_prints_plainly(tmp_db, owner):
    with clock.fixed(at(0.1)), tmp_db.unit_of_work(owner) as s:
        row = incidents.open_incident(
            s, owner, channel="douyin", link="", snapshot_text="私信：主播说的赠品没收到", first_seen_at=SEEN
        )
        iid = row.id
    with tmp_db.sessions() as s:
        data = incident_summary_data(s, iid, now=SEEN + timedelta(minutes=30))
    text = pdf_text(build_incident_summary(data))
    assert "无公开链接" in text and "尚未由人确认" in text and "没有保存截图" in text and "尚未结案" in text
    assert "进行中，打印时还剩0.5小时" in text  # first contact (1 h) still running at print time


def test_an_unknown_code_is_refused_by_name(tmp_db):
    with pytest.raises(InvalidInput, match="YQ-209901-001") as caught, tmp_db.sessions() as s:
        incident_summary_for_code(s, "YQ-209901-001", now=NOW)
    assert caught.value.field == "incident_code"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STUDIODESK_LANG": "zh_CN", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT
    )


def test_cli_writes_the_summary_and_refuses_an_unknown_code_or_folder_with_exit_2_writing_nothing(
    tmp_db, tmp_db_path, case, tmp_path
):
    tmp_db.dispose()
    folder = tmp_path / "报告"
    folder.mkdir()
    out = folder / f"舆情报告_{case.code}.pdf"
    done = cli("--db", str(tmp_db_path), "report", "incident", case.code, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    text = pdf_text(out)
    assert case.code in text and squash(STATEMENT) in text and "客服小李" in text
    unknown = cli(
        "--db", str(tmp_db_path), "report", "incident", "YQ-209901-001", "--out", str(folder / "x.pdf")
    )
    assert unknown.returncode == 2 and "YQ-209901-001" in unknown.stderr
    gone = tmp_path / "不存在的文件夹" / "y.pdf"
    unwritable = cli("--db", str(tmp_db_path), "report", "incident", case.code, "--out", str(gone))
    assert unwritable.returncode == 2 and "无法写入" in unwritable.stderr
    assert sorted(p.name for p in folder.iterdir()) == [out.name] and not gone.parent.exists()
