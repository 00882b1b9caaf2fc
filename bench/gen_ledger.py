"""The ledger over everything the other parts wrote: a valid hash chain that ``core.ledger.verify`` accepts.

For each subject type the current rows are read back raw with ``core.ledger.snapshot_sql`` (exactly what verify
reads) and digested with ``core.ledger.row_digest``; the entries are then put in time order, numbered 1..N and
chained with ``core.ledger.entry_hash``.
"""

from __future__ import annotations

from operator import itemgetter

from bench.gen_base import Gen, ts


def build(g: Gen) -> None:
    from core import ledger

    entries: list[tuple] = []
    for subject_type, stubs in g.stubs.items():
        digests: dict[str, str] = {}
        for row in g.conn.execute(ledger.snapshot_sql(subject_type)):
            digests[str(row[0])] = ledger.row_digest(subject_type, row)
        missing = [s[3] for s in stubs if s[3] not in digests]
        if missing:
            raise RuntimeError(f"ledger stubs name {subject_type} rows that do not exist: {missing[:5]}")
        entries.extend(
            (at, actor, kind, subject_type, sid, payload, digests[sid])
            for at, actor, kind, sid, payload in stubs
        )
        del digests
    g.stubs.clear()
    entries.sort(key=itemgetter(0))

    def rows():
        entry_hash = ledger.entry_hash
        prev = ledger.GENESIS_HASH
        for seq, (at, actor, kind, subject_type, sid, payload, digest) in enumerate(entries, start=1):
            at_text = ts(at)
            own = entry_hash(seq, at_text, actor, kind, subject_type, sid, payload, digest, prev)
            yield (seq, at_text, actor, kind, subject_type, sid, payload, digest, prev, own)
            prev = own

    g.insert(
        "ledger_entries",
        [
            "seq",
            "at",
            "actor_id",
            "kind",
            "subject_type",
            "subject_id",
            "payload",
            "row_digest",
            "prev_hash",
            "hash",
        ],
        rows(),
    )
