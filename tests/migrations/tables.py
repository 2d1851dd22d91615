"""Read every row of a database, and describe each table by the model that owns it.

Shared by ``record.py`` (which wrote the fixture's manifest at the old commit) and
``test_rows_survive.py`` (which migrates the fixture with today's code and finds every row).
Works on a plain DB-API connection (``sqlite3`` or ``psycopg``), outside Django's own
connection, so the migrated database is never the test database.
"""

# Tables of the database itself, not of a model.
NOT_MODEL_TABLES = {"django_migrations"}


def table_names(conn, vendor):
    """Every table of the database (no views, no SQLite internals), sorted."""
    if vendor == "sqlite":
        sql = ("SELECT name FROM sqlite_master WHERE type = 'table' "
               "AND name NOT LIKE 'sqlite_%' ORDER BY name")
    else:
        sql = ("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
               "ORDER BY tablename")
    return [row[0] for row in conn.execute(sql).fetchall()]


def read_rows(conn, table, pk):
    """``{primary key: {column: value}}`` of every row of ``table``."""
    cursor = conn.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
    columns = [d[0] for d in cursor.description]
    rows = {}
    for values in cursor.fetchall():
        row = dict(zip(columns, values, strict=True))
        rows[row[pk]] = row
    return rows


def describe_tables():
    """``{db_table: description}`` for every model table of the code that is loaded now:
    ``{"model": "app_label.model_name", "pk": column}`` for a model (its content type names
    it), ``{"through": "app_label.model_name", "field": name, "pk": column}`` for a
    many-to-many table Django made."""
    from django.apps import apps

    tables = {}
    for model in apps.get_models():
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        tables[opts.db_table] = {"model": opts.label_lower, "pk": opts.pk.column}
        for field in opts.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                tables[through._meta.db_table] = {
                    "through": opts.label_lower, "field": field.name, "pk": "id",
                }
    for table in NOT_MODEL_TABLES:
        tables[table] = {"pk": "id"}
    return tables
