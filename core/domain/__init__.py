"""Pure rules and value types. No SQLAlchemy, no I/O: inputs in, results (with their basis) out."""
