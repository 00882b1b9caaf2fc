"""StudioDesk 直播售后服务台 — composition root.

Parse the arguments, then either run one command-line command (core) or start the window (ui).
See ``python main.py --help`` (``--lang en`` for English).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from core import cli

    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from ui.app import run

        return run(args.db, demo=args.demo)
    if args.command == "self-test":
        from core.selftest import run_self_test
        from ui.selftest import run_qt_self_test

        core_code = run_self_test()
        qt_code = run_qt_self_test()
        return max(core_code, qt_code)
    try:
        return cli.run_command(args)
    except (
        BrokenPipeError
    ):  # the reader went away (``verify | head``): stop quietly, as command-line tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
