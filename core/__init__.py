"""StudioDesk core: everything that is true without a screen. Never imports Qt or ``ui``."""
