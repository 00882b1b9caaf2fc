"""Right after signing in, the keyboard works: Ctrl+number opens a page without clicking anywhere first."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import OWNER_PASSWORD, OWNER_USERNAME
from tests.ui.test_signed_out import _sign_in, fast_start  # noqa: F401  (fixture)


def test_ctrl_6_opens_products_straight_after_signing_in(qtbot, fast_start):  # noqa: F811
    window = fast_start.window
    window.show()
    window.activateWindow()
    with qtbot.waitSignal(window.signed_in_painted, timeout=10_000):
        assert _sign_in(qtbot, window.sign_in_form, OWNER_USERNAME, OWNER_PASSWORD) is True
    assert QApplication.focusWidget() is window.nav
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().objectName() == "page_products"
