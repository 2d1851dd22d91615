"""Statements compiled once: the SQL of a query that is a function of a few plain inputs.

Building a Django queryset and compiling it to SQL costs Python time on every request, and
for a union of a dozen grouped counts (the cohort health dashboard's) that is several
milliseconds, more than the database takes to answer. When the SQL and its parameters
depend only on inputs the caller can name (ids, a day, the time zone), :func:`rows_of`
compiles the queryset the first time those inputs are seen in the process and keeps the
``(sql, params)``; later calls with the same inputs send the kept statement. Only the
statement is kept, never its rows: every call reads the database afresh.

The key must name **everything** the SQL depends on besides the code itself; the active
time zone is added to it (``__date`` lookups write it into the SQL), and the database alias.
The rows get the conversions Django's own iteration gives them (each column's field and
backend converters, found at compile time): on SQLite a time comes back as text and only
the converter makes it an aware datetime; on PostgreSQL psycopg does it itself.
"""

import threading
from collections import OrderedDict

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils import timezone

MAX_STATEMENTS = 256
NOTHING = ("", (), {})  # the statement of a query that can have no rows
_statements = OrderedDict()
_lock = threading.Lock()


def compiled(key, build, using="default"):
    """``(sql, params, converters)`` of the queryset ``build()`` returns (its columns'
    converters by position, as ``SQLCompiler.get_converters`` gives them), compiled once per
    ``key`` (and time zone and database) in this process; the least recently used of more than
    :data:`MAX_STATEMENTS` are forgotten. :data:`NOTHING` when the query can have no rows."""
    full_key = (using, timezone.get_current_timezone_name(), *key)
    with _lock:
        statement = _statements.get(full_key)
        if statement is not None:
            _statements.move_to_end(full_key)
            return statement
    try:
        compiler = build().query.get_compiler(using)
        sql, params = compiler.as_sql()
        statement = (sql, params, compiler.get_converters(
            [column[0] for column in compiler.select[:compiler.col_count]]))
    except EmptyResultSet:  # e.g. ``id__in=[]``: Django answers no rows without asking
        statement = NOTHING
    with _lock:
        _statements[full_key] = statement
        while len(_statements) > MAX_STATEMENTS:
            _statements.popitem(last=False)
    return statement


def rows_of(key, build, using="default"):
    """The rows (tuples) of the queryset ``build()`` returns (a ``values_list``), its
    statement compiled once per ``key`` (see :func:`compiled`), each value converted as
    Django converts it."""
    statement = compiled(key, build, using)
    if statement is NOTHING:
        return []
    sql, params, converters = statement
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not converters:
        return rows
    return [tuple(_converted(row, converters, connection)) for row in rows]


def _converted(row, converters, connection):
    """``row`` with each converted column's value passed through its converters, as
    ``SQLCompiler.apply_converters`` does."""
    row = list(row)
    for position, (functions, expression) in converters.items():
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return row


def forget_statements():
    """Forget every kept statement (tests that change what a query depends on)."""
    with _lock:
        _statements.clear()
