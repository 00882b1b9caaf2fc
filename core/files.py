"""Writing a finished file (a printed sheet, an export) so that it is either all there or not there at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SHARED_FILE_MODE = 0o644  # owner writes, everyone on the machine reads (on Windows: not read-only)


def write_atomically(data: bytes, out: Path) -> Path:
    """Write ``data`` to ``out`` through a temporary file beside it and a rename; returns the resolved path.

    On any error (disk full, no permission, the folder gone) the temporary file is removed, the error is raised and
    nothing is left under ``out``: a half-written PDF never looks like a good one.
    """
    target = Path(out).resolve()
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(
            temp, SHARED_FILE_MODE
        )  # mkstemp makes it private (0600); a printed sheet is for others to read
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


__all__ = ["SHARED_FILE_MODE", "write_atomically"]
