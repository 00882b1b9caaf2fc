"""ReportLab builders: data in, PDF bytes out. Fonts are registered here and only here."""
