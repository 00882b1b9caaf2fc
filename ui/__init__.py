"""StudioDesk's Qt Widgets layer. Imports core; never SQLAlchemy or ReportLab."""
