"""Storage: engine and pragmas, ORM models, migrations, opening checks, backup."""
