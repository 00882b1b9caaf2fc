"""Name and version: the one source of truth read by the app, the CLI and ``pyinstaller.spec``."""

APP_ID = "StudioDesk"
APP_NAME_ZH = "直播售后服务台"
APP_NAME_EN = "StudioDesk"
VERSION = "0.1.0"
ORGANIZATION = "StudioDesk"
COPYRIGHT = "© 2026 StudioDesk developers"
# SQLite's PRAGMA application_id marks a file as ours ("SDSK"), so a foreign database is recognised
# before anything touches it.
SQLITE_APPLICATION_ID = 0x5344534B
