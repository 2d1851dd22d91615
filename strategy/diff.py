"""What changed between two versions, section by section, word by word."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from strategy.snapshot import sections

TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass
class SectionDiff:
    key: str
    title: str
    status: str  # "unchanged", "changed", "added", "removed"
    ops: list = field(default_factory=list)  # [(tag, text)], tag in equal/insert/delete

    @property
    def status_label(self):
        return {
            "unchanged": _("Unchanged"), "changed": _("Changed"), "added": _("New section"),
            "removed": _("Removed section"),
        }[self.status]


def word_ops(old, new):
    """[(tag, text)] turning ``old`` into ``new`` at word level (tag: equal/insert/delete)."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", "".join(a[i1:i2])))
        if tag in ("delete", "replace"):
            ops.append(("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("insert", "".join(b[j1:j2])))
    return ops


def diff_snapshots(*, old, new):
    """[SectionDiff] for every section of either snapshot, in the newer one's order."""
    old_sections = {key: (title, text) for key, title, text in sections(old)}
    new_sections = sections(new)
    result = []
    for key, title, text in new_sections:
        if key not in old_sections:
            result.append(SectionDiff(key, title, "added", [("insert", text)]))
            continue
        old_text = old_sections[key][1]
        status = "unchanged" if old_text == text else "changed"
        result.append(SectionDiff(key, title, status, word_ops(old_text, text)))
    new_keys = {key for key, _t, _x in new_sections}
    for key, (title, text) in old_sections.items():
        if key not in new_keys:
            result.append(SectionDiff(key, title, "removed", [("delete", text)]))
    return result
