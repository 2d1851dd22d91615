"""More sections of a coach's home, from apps above coaching (which coaching cannot import).

An app registers ``section(*, user, today)`` in its ``AppConfig.ready()``; it returns
``None`` (nothing to show) or a dict with the ``template`` to include and its context
(e.g. the year after's late updates, ``followon/lateness.py``).
"""

_SECTIONS = []


def register_coach_home_section(section):
    """Add ``section`` to every coach's home (once, however often it is registered)."""
    if section not in _SECTIONS:
        _SECTIONS.append(section)
    return section


def coach_home_sections(*, user, today):
    """The registered sections that have something to show ``user`` on ``today``."""
    return [shown for section in _SECTIONS
            if (shown := section(user=user, today=today)) is not None]
