"""设置 › 规则 (issue #3: the requirement table, the checklist and the lexicon are rule data "editable by the owner",
with citations). The owner changes them here as new versions; everyone else reads them, told only the owner may
change rules ('rules.edit'). Basis for the lexicon example: 广告法 Art 9(3) (absolute terms)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.domain.codes import Role
from core.domain.roles import Actor

TIMEOUT = 10_000


@pytest.fixture
def rules_for(qtbot, tmp_db, tasks):
    from ui.context import PageContext
    from ui.settings.rules import RulesTab

    kept = []

    def make(actor):
        tab = RulesTab(PageContext(db=tmp_db, actor=actor, tasks=tasks))
        qtbot.addWidget(tab)
        kept.append(tab)
        tab.resize(1100, 700)
        tasks.wait_for_done(TIMEOUT)
        qtbot.waitUntil(lambda: tab.lexicon_tab.screen is not None and tab.checklist_tab.template is not None)
        qtbot.waitUntil(lambda: tab.documents_tab.version is not None)
        return tab

    return make


@pytest.fixture
def operator(tmp_db, owner) -> Actor:
    from core.services import auth

    with tmp_db.unit_of_work(owner) as s:
        member = auth.add_staff(
            s,
            owner,
            username="changkong",
            display_name="场控小王",
            role=Role.OPERATOR,
            password="pass-word-123",
        )
    return Actor(member.id, member.display_name, Role.OPERATOR)


def test_the_owner_adds_a_lexicon_term_in_the_tab_and_scripts_are_then_checked_for_it(
    qtbot, owner, rules_for, tmp_db, context
):
    from core.services import rules_lexicon
    from ui.pages.script_editor import ScriptChecker

    tab = rules_for(owner).lexicon_tab
    before = len(tab.screen.entries)
    dialog = tab.open_add_term()
    dialog.term.setText("绝绝子")
    dialog.category.setCurrentIndex(dialog.category.findData("absolute"))
    dialog.severity.setCurrentIndex(dialog.severity.findData("warning"))
    dialog.overrides["food"].setCurrentIndex(dialog.overrides["food"].findData("error"))
    dialog.basis.setPlainText("《广告法》第九条第（三）项")
    dialog.reason.setText("网络极限用语，平台按极限词处罚")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        dialog.ok_button.click()
    assert not dialog.isVisible()
    assert len(tab.screen.entries) == before + 1
    tab.query.setText("绝绝子")
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "绝绝子"
    assert tab.changes.topLevelItem(0).text(1) == "绝绝子"
    with tmp_db.sessions() as s:
        added = rules_lexicon.lexicon_changes(s).added
    assert [(a.term, dict(a.severity)) for a in added] == [
        ("绝绝子", {"default": "warning", "food": "error"})
    ]

    checker = ScriptChecker(context)
    qtbot.addWidget(checker)
    qtbot.waitUntil(lambda: checker.lexicon is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(checker.checked, timeout=2000):
        checker.editor.setPlainText("这款面膜绝绝子！")
    assert [s.finding.term for s in checker.shown] == ["绝绝子"]


def test_a_term_without_basis_is_refused_beside_the_basis_field_and_the_dialog_stays_open(
    qtbot, owner, rules_for, tmp_db
):
    from core.services import rules_lexicon

    tab = rules_for(owner).lexicon_tab
    dialog = tab.open_add_term()
    dialog.term.setText("闭眼入")
    dialog.reason.setText("诱导下单")
    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT) as blocker:
        dialog.ok_button.click()
    assert blocker.args == [False]
    assert dialog.isVisible() and "依据" in dialog.form.error_text("basis")
    with tmp_db.sessions() as s:
        assert rules_lexicon.lexicon_changes(s).version == 0


def test_the_owner_disables_a_bundled_term_with_a_reason(qtbot, owner, rules_for, tmp_db):
    from core.services import rules_lexicon

    tab = rules_for(owner).lexicon_tab
    tab.query.setText("库存告急")
    tab.table.selectRow(0)
    assert tab.disable_button.isEnabled()
    dialog = tab.open_disable()
    dialog.text.setPlainText("本店库存实时显示，属真实事实")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        dialog.ok_button.click()
    with tmp_db.sessions() as s:
        disabled = rules_lexicon.lexicon_changes(s).disabled
    assert [(d.term, d.reason) for d in disabled] == [("库存告急", "本店库存实时显示，属真实事实")]
    assert tab.table.item(0, 0).foreground().color() == Qt.GlobalColor.gray


def test_an_operator_sees_the_rules_read_only_with_a_note(qtbot, operator, rules_for):
    tab = rules_for(operator)
    assert tab.note is not None and tab.note.isVisibleTo(tab)
    assert "店主" in tab.note.text() or "owner" in tab.note.text()
    documents, template, lexicon = tab.documents_tab, tab.checklist_tab, tab.lexicon_tab
    assert documents.tree.topLevelItemCount() >= 10  # the table is there to read
    assert template.table.rowCount() >= 10 and lexicon.table.rowCount() >= 300
    for widget in (
        documents.add_button, documents.warn_days, documents.save_bar.save_button, documents.save_bar.reset_button,
        template.add_button, template.save_bar.save_button, lexicon.add_button, lexicon.reset_button,
    ):  # fmt: skip
        assert not widget.isEnabled()
    lexicon.table.selectRow(0)
    assert not lexicon.disable_button.isEnabled()


def test_the_owner_raises_the_warning_days_and_saves_a_new_version(qtbot, owner, rules_for, tmp_db):
    from core.services import catalog

    tab = rules_for(owner).documents_tab
    first = tab.version.version
    tab.warn_days.setValue(60)
    tab.warn_basis.setText("供应商换证慢，提前 60 天提醒")
    tab.save_bar.note.setText("提醒提前到 60 天")
    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT) as blocker:
        tab.save_bar.save_button.click()
    assert blocker.args == [True]
    assert tab.version.version == first + 1 and tab.version.origin == "owner"
    with tmp_db.sessions() as s:
        assert catalog.documents_rule(s)["warn_days_before_expiry"] == 60


def test_a_save_without_a_note_is_refused_beside_the_note(qtbot, owner, rules_for, tmp_db):
    tab = rules_for(owner).documents_tab
    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT) as blocker:
        tab.save_bar.save_button.click()
    assert blocker.args == [False]
    assert "修改" in tab.save_bar.form.error_text("note")


def test_a_new_checklist_item_without_a_code_is_refused_naming_its_row(qtbot, owner, rules_for, tmp_db):
    from core.services import rules_checklist

    tab = rules_for(owner).checklist_tab
    rows = tab.table.rowCount()
    tab.table.setCurrentCell(1, 1)
    tab.add_item()
    assert tab.table.rowCount() == rows + 1
    tab.table.item(2, 1).setText("灯光和收音已检查")
    tab.table.item(2, 4).setText("本店要求")
    tab.save_bar.note.setText("加灯光检查")
    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT) as blocker:
        tab.save_bar.save_button.click()
    assert blocker.args == [False]
    assert "第 3 项" in tab.edit_message.text() and tab.table.currentRow() == 2
    tab.table.item(2, 0).setText("lights_checked")
    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT) as blocker:
        tab.save_bar.save_button.click()
    assert blocker.args == [True]
    with tmp_db.sessions() as s:
        saved = rules_checklist.active_checklist_template(s)
    assert saved.items[2].code == "lights_checked" and saved.origin == "owner"
