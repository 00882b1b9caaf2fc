"""Use cases, one module per chapter of the standard.

Each service function takes a ``Session`` (the caller owns the transaction: ``with db.unit_of_work(actor) as s``),
checks the actor's permission itself with :func:`core.services.auth.require`, and returns frozen dataclasses, never
ORM objects, so the UI never touches SQLAlchemy.
"""
