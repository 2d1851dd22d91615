"""Throwaway PostgreSQL databases for tests that run real processes against the server."""

import secrets
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit


def with_path(url, path):
    """``url`` with its path (the database name, for a database URL) replaced."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


@contextmanager
def throwaway_database(database_url, prefix="civic_prodproof"):
    """A new, empty PostgreSQL database on the server of ``database_url``; dropped after."""
    import psycopg
    from psycopg import sql

    name = f"{prefix}_{secrets.token_hex(4)}"
    admin_url = with_path(database_url, "/postgres")
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_path(database_url, f"/{name}")
    finally:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
