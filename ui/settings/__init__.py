"""The tabs of the Settings page: studio profile, staff accounts, language, backup and restore."""
