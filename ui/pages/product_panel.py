"""The detail panel of the 商品与资质 page: one product's fields, each required paper with its standing, why it
is required and the basis (rule citations), the papers on file, and the edit / add-paper buttons.

Renders a core ``ProductDetail`` (read on the lane by the page); it never reads the database itself.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.i18n import in_language
from ui.money import yuan
from ui.pages.product_table import SEVERITY, STATE_COLOURS, paper_state_text
from ui.qtcompat import emit


def _rich_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class ProductDetailPanel(QWidget):
    """Shows one product. ``edit_requested`` / ``add_paper_requested`` ask the page to open the dialogs."""

    edit_requested = Signal()
    add_paper_requested = Signal()
    open_file_requested = Signal(str, str)  # vault sha256, original file name

    def __init__(self, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.may_edit = may_edit
        self.detail: Any | None = None
        self.title = QLabel(self.tr("Select a product to see its papers"))
        self.title.setObjectName("dialogHeading")
        self.title.setWordWrap(True)
        self.fields = _rich_label("productFields")
        self.verdict = _rich_label("productVerdict")
        self.requirements = _rich_label("productRequirements")
        self.papers_heading = QLabel(self.tr("Papers on file"))
        self.papers_heading.setObjectName("sectionHeading")
        self.papers = QTableWidget(0, 6)
        self.papers.setObjectName("productPapers")
        self.papers.setHorizontalHeaderLabels(
            [
                self.tr("Paper"),
                self.tr("Held by"),
                self.tr("Number"),
                self.tr("Issued"),
                self.tr("Expires"),
                self.tr("File"),
            ]
        )
        header = self.papers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.papers.verticalHeader().hide()
        self.papers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.papers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.papers.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.papers.setMinimumHeight(120)
        self.papers.cellDoubleClicked.connect(self._on_paper_double_clicked)

        self.edit_button = QPushButton(self.tr("Edit product…"))
        self.edit_button.setObjectName("editProduct")
        self.edit_button.clicked.connect(lambda: emit(self.edit_requested))
        self.add_paper_button = QPushButton(self.tr("Add paper…"))
        self.add_paper_button.setObjectName("addPaper")
        self.add_paper_button.clicked.connect(lambda: emit(self.add_paper_requested))
        if not may_edit:
            tip = self.tr("Only the owner and operators change products and papers.")
            self.edit_button.setToolTip(tip)
            self.add_paper_button.setToolTip(tip)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self.fields)
        column.addWidget(self.verdict)
        column.addWidget(self.requirements)
        column.addWidget(self.papers_heading)
        column.addWidget(self.papers)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(12, 0, 12, 4)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.add_paper_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.clear()

    def clear(self, message: str = "") -> None:
        self.detail = None
        self.title.setText(message or self.tr("Select a product to see its papers"))
        for label in (self.fields, self.verdict, self.requirements):
            label.clear()
            label.hide()
        self.papers_heading.hide()
        self.papers.hide()
        self.edit_button.setEnabled(False)
        self.add_paper_button.setEnabled(False)

    def plain_text(self) -> str:
        """Everything the panel says, as plain text (what a reader sees; used by tests and copy)."""
        doc = QTextDocument()
        parts = [self.title.text()]
        for label in (self.fields, self.verdict, self.requirements):
            doc.setHtml(label.text())
            parts.append(doc.toPlainText())
        return "\n".join(parts)

    def show_detail(self, detail: Any) -> None:
        self.detail = detail
        p = detail.product
        self.title.setText(f"{p.sku} · {p.name}")
        self._show_fields(detail)
        self._show_requirements(detail)
        self._show_papers(detail.papers)
        self.edit_button.setEnabled(self.may_edit)
        self.add_paper_button.setEnabled(self.may_edit)

    def _show_fields(self, detail: Any) -> None:
        p = detail.product
        readiness = detail.readiness
        category = readiness.category_name if readiness is not None else p.category
        supplier = detail.supplier
        supplier_text = self.tr("none")
        if supplier is not None:
            supplier_text = escape(supplier.name)
            if supplier.credit_code:
                supplier_text += f" <span style='color:#52606d'>({escape(supplier.credit_code)})</span>"
        rows = [
            (self.tr("Category"), escape(category)),
            (self.tr("Brand"), escape(p.brand) or "—"),
            (self.tr("Supplier"), supplier_text),
            (self.tr("List price"), yuan(p.list_price_fen)),
            (self.tr("Three guarantees (三包)"), self.tr("Yes") if p.three_guarantees else self.tr("No")),
            (self.tr("Status"), self.tr("On sale") if p.active else self.tr("Inactive")),
        ]
        cells = "".join(
            f"<tr><td style='color:#52606d; padding-right:12px'>{k}</td><td>{v}</td></tr>" for k, v in rows
        )
        self.fields.setText(f"<table cellspacing='2'>{cells}</table>")
        self.fields.show()

    def _show_requirements(self, detail: Any) -> None:
        view = detail.readiness
        if view is None:
            self.verdict.setText(f"<span style='color:#b91c1c'>{escape(detail.readiness_problem)}</span>")
            self.verdict.show()
            self.requirements.hide()
            return
        readiness = view.readiness
        if readiness.blocks_lineup:
            text = self.tr(
                "Cannot join a lineup: a required paper has lapsed (the owner may override with a reason)."
            )
            basis = "<br/>".join(escape(in_language(b)) for b in readiness.blocks_lineup_basis)
            verdict = f"<b style='color:#991b1b'>{text}</b><br/><span style='color:#52606d'>{basis}</span>"
        elif readiness.ready and not readiness.expiring:
            text = self.tr("Every required paper is on file and valid.")
            verdict = f"<b style='color:#166534'>{text}</b>"
        elif readiness.ready:
            text = self.tr("Ready, but a paper expires soon: renew it.")
            verdict = f"<b style='color:#b45309'>{text}</b>"
        else:
            text = self.tr("Not ready: a required paper is missing or its dates are wrong.")
            verdict = f"<b style='color:#b91c1c'>{text}</b>"
        self.verdict.setText(verdict)
        self.verdict.show()
        held_by = {"product": self.tr("held by the product"), "supplier": self.tr("held by the supplier")}
        heading = self.tr("Required papers")
        why_label, basis_label = self.tr("Why: %1"), self.tr("Basis:")
        blocks = [f"<p style='margin:0 0 2px 0'><b>{heading}</b></p>"]
        for r in sorted(readiness.requirements, key=lambda r: -SEVERITY.get(r.state, 0)):  # problems first
            paper = r.paper
            state = paper_state_text(r.state, r.days_left, paper.expires_on if paper else None)
            colour = STATE_COLOURS.get(r.state, "#1f2933")
            number = f" · {escape(paper.number)}" if paper is not None and paper.number else ""
            why = why_label.replace("%1", escape(detail.why.get(r.code, "")))
            basis = "<br/>".join(escape(in_language(b)) for b in r.basis)
            blocks.append(
                "<p style='margin:8px 0 0 0'>"
                f"<b>{escape(r.name)}</b> <span style='color:#52606d'>({held_by.get(r.holder, r.holder)})</span>"
                f" — <b style='color:{colour}'>{escape(state)}</b>{number}<br/>"
                f"<span style='color:#3e4c59'>{why}</span><br/>"
                f"<span style='color:#616e7c; font-size:9pt'>{basis_label} {basis}</span></p>"
            )
        self.requirements.setText("".join(blocks))
        self.requirements.show()

    def _on_paper_double_clicked(self, row: int, _column: int) -> None:
        """Any cell of a paper's row opens its file (the file cell says so in its tooltip)."""
        self.open_paper(row)

    def open_paper(self, row: int) -> bool:
        """Ask the page to open the file of the paper in ``row``; False when that paper has no file."""
        item = self.papers.item(row, 5)
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not found:
            return False
        emit(self.open_file_requested, *found)
        return True

    def _show_papers(self, papers: Any) -> None:
        held_by = {"product": self.tr("Product"), "supplier": self.tr("Supplier")}
        self.papers.setRowCount(len(papers))
        for row, paper in enumerate(papers):
            cells = (
                paper.name,
                held_by.get(paper.holder, paper.holder),
                paper.number,
                paper.issued_on.isoformat() if paper.issued_on else "",
                paper_state_text(paper.state, paper.days_left, paper.expires_on),
                paper.file_name or self.tr("(no file)"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4 and paper.state != "ok":
                    item.setForeground(QBrush(QColor(STATE_COLOURS.get(paper.state, "#1f2933"))))
                if column == 5 and paper.vault_sha256:
                    item.setToolTip(self.tr("Double-click to open the file"))
                    item.setForeground(QBrush(QColor("#1d4ed8")))
                    item.setData(Qt.ItemDataRole.UserRole, (paper.vault_sha256, paper.file_name))
                self.papers.setItem(row, column, item)
        self.papers_heading.setText(self.tr("Papers on file (%1)").replace("%1", str(len(papers))))
        self.papers_heading.show()
        self.papers.show()
        height = self.papers.horizontalHeader().height() + 8
        height += sum(self.papers.rowHeight(r) for r in range(len(papers))) or 40
        self.papers.setMinimumHeight(min(height, 320))
