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


# What a report says of figures it kept from the previous one (see :func:`kept_section`).
KEPT = "kept from the previous RESULTS.md: their raw figures are not on this machine"


def kept_section(previous, heading):
    """The lines of ``previous``'s section that begins with ``heading`` (a ``## `` line), up
    to the next ``## `` heading or marked section: what a report that has no figures of its
    own for that section keeps (``bench/run.py --rendered-only`` on a machine without the
    load run's, the PDF's or the sweep's raw figures). ``[]`` when ``previous`` has none."""
    lines = (previous or "").splitlines()
    for start, line in enumerate(lines):
        if line.startswith(heading):
            end = next((i for i in range(start + 1, len(lines))
                        if lines[i].startswith(("## ", "<!-- begin "))), len(lines))
            return [*lines[start:end]]
    return []


def kept_line(previous, prefix, *, note=False):
    """The first line of ``previous`` that begins with ``prefix`` (a summary row, a dated
    phase), or ``None``; ``note``: saying it was kept (once, however often it is kept)."""
    line = next((x for x in (previous or "").splitlines() if x.startswith(prefix)), None)
    if line is not None and note and KEPT not in line:
        line = f"{line.rstrip('.')} ({KEPT})."
    return line
