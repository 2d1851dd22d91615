"""Dates said in a call, in English, Spanish or Portuguese, read relative to the call's day.

``due_date_in("Ana will send it by Friday", on=call_day)`` → the Friday after the call.
Understood: ISO dates (``2026-03-14``), a day and a month name (``March 14``, ``14 de
marzo``, ``14 de março``), weekdays (``Friday``, ``el viernes``, ``sexta-feira``),
tomorrow, next week, the end of the month, and "in N days/weeks". Anything else is no date
(the coach sets one). Words are compared without accents or case (``plain_words``).
"""

import calendar
import re
from datetime import date, datetime, timedelta

from coaching.transcript_names import plain_words

MONTHS = {
    **{name: n for n, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1)},
    **{name: n for n, name in enumerate(
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"], start=1)},
    **{name: n for n, name in enumerate(
        ["janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
         "setembro", "outubro", "novembro", "dezembro"], start=1)},
    "setiembre": 9, "sept": 9, "sep": 9, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "aug": 8, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5,
    "domingo": 6,
    "segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4,
}
TOMORROW = {"tomorrow", "amanha"}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "diez": 10, "um": 1, "uma": 1, "dois": 2, "duas": 2, "quatro": 4, "dez": 10,
}
DAY_WORDS = {"day", "days", "dia", "dias"}
WEEK_WORDS = {"week", "weeks", "semana", "semanas"}
MONTH_WORDS = {"month", "mes"}
NEXT_WORDS = {"next", "proxima", "proximo", "que", "viene", "vem"}
END_WORDS = {"end", "fin", "final", "fim", "finales", "finais"}
IN_WORDS = {"in", "en", "em", "within", "dentro"}

_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_NUMBER = re.compile(r"^\d{1,2}$")


def _safe(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _upcoming(day, month, on):
    """The next ``day``/``month`` on or after ``on`` (this year or the next)."""
    found = _safe(on.year, month, day)
    if found is not None and found < on:
        found = _safe(on.year + 1, month, day)
    return found


def _next_weekday(weekday, on):
    ahead = (weekday - on.weekday()) % 7 or 7
    return on + timedelta(days=ahead)


def _month_end(on):
    return on.replace(day=calendar.monthrange(on.year, on.month)[1])


def _day_and_month(words, index):
    """A day number next to the month name at ``index`` (``14 de marzo``, ``March 14``)."""
    after = words[index + 1] if index + 1 < len(words) else ""
    before = [w for w in words[max(0, index - 2):index] if w != "de"]
    if _NUMBER.match(after):
        return int(after)
    if before and _NUMBER.match(before[-1]):
        return int(before[-1])
    return None


def due_date_in(sentence, *, on):
    """The first date ``sentence`` names, read relative to ``on`` (the day of the call), or
    ``None``."""
    if isinstance(on, datetime):
        on = on.date()
    iso = _ISO.search(sentence or "")
    if iso:
        found = _safe(*(int(part) for part in iso.groups()))
        if found:
            return found
    words = plain_words(sentence)
    for index, word in enumerate(words):
        found = _date_at(words, index, word, on)
        if found is not None:
            return found
    return None


def _date_at(words, index, word, on):
    following = words[index + 1] if index + 1 < len(words) else ""
    previous = words[index - 1] if index else ""
    if word in MONTHS:
        day = _day_and_month(words, index)
        if day:
            return _upcoming(day, MONTHS[word], on)
    if word in WEEKDAYS:
        return _next_weekday(WEEKDAYS[word], on)
    if word in TOMORROW or (word == "manana" and previous not in {"la", "esta", "por"}):
        return on + timedelta(days=1)
    if word in WEEK_WORDS and (previous in NEXT_WORDS or following in NEXT_WORDS):
        return on + timedelta(days=7)
    if word in END_WORDS and following in {"of", "del", "de", "do"}:
        rest = words[index + 2:index + 4]
        if any(w in MONTH_WORDS for w in rest):
            return _month_end(on)
    if word in IN_WORDS and following:
        count = int(following) if _NUMBER.match(following) else NUMBERS.get(following)
        unit = words[index + 2] if index + 2 < len(words) else ""
        if count and unit in DAY_WORDS:
            return on + timedelta(days=count)
        if count and unit in WEEK_WORDS:
            return on + timedelta(days=7 * count)
    return None
