"""The store's schema, shared by both engines: flat incident columns, statement tables, the
revisions table and the view QGIS adds, written in each engine's own column types."""

from __future__ import annotations

from layers import casualties, claims, damage, sources

FLAT = [
    ("date", "DATE"), ("place", "TEXT"), ("admin1", "TEXT"), ("country", "TEXT"),
    ("precision", "TEXT"), ("radius_m", "REAL"), ("weapon_system", "TEXT"),
    ("weapon_category", "TEXT"), ("killed_min", "INTEGER"), ("killed_max", "INTEGER"),
    ("injured_min", "INTEGER"), ("injured_max", "INTEGER"), ("children_killed_min", "INTEGER"),
    ("outside_headline", "TEXT"), ("contested", "BOOLEAN"), ("n_sources", "INTEGER"),
    ("sources", "TEXT"), ("parties", "TEXT"), ("statuses", "TEXT"), ("review", "TEXT"),
]  # fmt: skip
# The statement tables hold the statement layers' columns, keyed by incident_id (the store
# keeps no geometry of its own for damage, so not the damage layer's `located_at`).
STATEMENTS = {
    layer.__name__.rsplit(".", 1)[-1]: [
        c for c in layer.COLUMNS if c not in ("incident_id", "located_at")
    ]
    for layer in (casualties, damage, claims, sources)
}


def _quoted(name: str) -> str:
    return f'"{name}"'


def _tables_sql(types: dict[str, str], key: str, json_type: str, point: str) -> list[str]:
    """The store's tables and view, in an engine's words: its column types (by our names
    DATE/TEXT/REAL/INTEGER/BOOLEAN), its auto-numbered key, its JSON type and point type."""
    flat = ", ".join(f"{_quoted(n)} {types[t]}" for n, t in FLAT)
    sql = [
        f"CREATE TABLE incidents (fid {key}, id {types['TEXT']} NOT NULL UNIQUE, revision "
        f"{types['INTEGER']} NOT NULL, {flat}, record {json_type} NOT NULL, updated_at "
        f"{types['TEXT']} NOT NULL, geom {point})"
    ]
    for table, columns in STATEMENTS.items():
        body = ", ".join(
            _quoted(c)
            + " "
            + types["INTEGER" if c in ("seq", "min", "max", "count_min", "count_max") else "TEXT"]
            for c in columns
        )
        sql += [
            f"CREATE TABLE {table} (fid {key}, incident_id {types['TEXT']} NOT NULL, {body})",
            f"CREATE INDEX {table}_incident ON {table} (incident_id)",
        ]
    sql.append(
        f"CREATE TABLE revisions (id {types['TEXT']} NOT NULL, revision {types['INTEGER']} "
        f"NOT NULL, written_at {types['TEXT']} NOT NULL, author {types['TEXT']} NOT NULL, "
        f"origin {types['TEXT']} NOT NULL, record {json_type} NOT NULL, "
        "PRIMARY KEY (id, revision))"
    )
    view_columns = ", ".join(["fid", "id", "revision", *[_quoted(n) for n, _ in FLAT], "geom"])
    sql.append(f"CREATE VIEW incidents_flat AS SELECT {view_columns} FROM incidents")
    return sql
