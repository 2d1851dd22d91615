"""Marked sections of bench/RESULTS.md, so that ``make bench`` and ``make load`` keep each
other's output: each command owns the text between its markers and rewrites only that.

A section is ``<!-- begin NAME -->`` … ``<!-- end NAME -->``; ``bench/run.py`` writes the
unmarked report and carries every marked section of the previous file over.
"""

import re

_SECTION = re.compile(r"<!-- begin (?P<name>[\w-]+) -->\n.*?<!-- end (?P=name) -->\n?", re.S)


def marked(name, text):
    """``text`` wrapped in the markers of section ``name``."""
    return f"<!-- begin {name} -->\n{text.rstrip()}\n<!-- end {name} -->\n"


def sections_of(document):
    """The marked sections of ``document``: ``{name: marked text}``, in order."""
    return {m["name"]: m.group(0).rstrip("\n") + "\n" for m in _SECTION.finditer(document)}


def put_section(document, name, text):
    """``document`` with section ``name`` replaced by ``text`` (appended when missing)."""
    block = marked(name, text)
    if name in sections_of(document):
        pattern = re.compile(
            rf"<!-- begin {re.escape(name)} -->\n.*?<!-- end {re.escape(name)} -->\n?", re.S
        )
        return pattern.sub(lambda _m: block, document, count=1)
    return document.rstrip("\n") + "\n\n" + block if document.strip() else block


def keep_sections(report, previous):
    """The new unmarked ``report`` followed by every marked section of ``previous``."""
    for name, block in sections_of(previous or "").items():
        if name not in sections_of(report):
            report = report.rstrip("\n") + "\n\n" + block
    return report
