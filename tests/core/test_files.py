"""Finished files (printed sheets, exports) are written whole or not at all, and readable like any other document."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from core.files import write_atomically


def test_the_file_is_written_whole_with_nothing_left_beside_it(tmp_path):
    out = tmp_path / "承诺单.pdf"
    assert write_atomically(b"%PDF-1.4 sheet", out) == out.resolve()
    assert out.read_bytes() == b"%PDF-1.4 sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["承诺单.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_the_written_sheet_is_readable_by_others_not_private_like_a_temporary_file(tmp_path):
    out = tmp_path / "sheet.pdf"
    write_atomically(b"%PDF", out)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644


def test_a_failed_write_leaves_neither_the_file_nor_a_temporary_one(tmp_path, monkeypatch):
    out = tmp_path / "sheet.pdf"

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomically(b"%PDF", out)
    assert list(tmp_path.iterdir()) == []
