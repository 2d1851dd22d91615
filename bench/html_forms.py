"""Reading pages as a browser does, for the load mix (bench/locustfile.py): the forms of a
page with the fields a browser would send, the errors a page shows, its links."""

import re
from html.parser import HTMLParser

# A form error, or an error message of Django's messages framework (see base.html).
REJECTED = ('class="errorlist', '<p class="message message-error">')


class _FormParser(HTMLParser):
    """The forms of a page: action, method, the fields a browser would send, the buttons."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._textarea, self._select = [], None, None, None

    def handle_starttag(self, tag, attrs):  # noqa: C901 - one branch per kind of field
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get").lower(),
                "fields": [],
                "buttons": [],
                "options": {},
            }
            self.forms.append(self._form)
            return
        form, name = self._form, a.get("name")
        if form is None or not name:
            if tag == "option" and self._select is not None:
                self._option(a)
            return
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image"):
                form["buttons"].append((name, a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                form["options"].setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form["fields"].append((name, a.get("value", "on")))
            elif kind not in ("file", "button", "reset"):
                form["fields"].append((name, a.get("value", "")))
        elif tag == "button" and a.get("type", "submit") == "submit":
            form["buttons"].append((name, a.get("value", "")))
        elif tag == "textarea":
            self._textarea = (name, [])
        elif tag == "select":
            self._select = {"name": name, "first": None, "selected": []}

    def _option(self, a):
        value = a.get("value", "")
        self._form["options"].setdefault(self._select["name"], []).append(value)
        if self._select["first"] is None:
            self._select["first"] = value
        if "selected" in a:
            self._select["selected"].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            name, text = self._textarea
            self._form["fields"].append((name, "".join(text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = self._select["selected"] or [self._select["first"]]
            self._form["fields"] += [(self._select["name"], v) for v in chosen if v is not None]
            self._select = None
        elif tag == "form":
            self._form = None


def forms_of(html):
    """Every form of ``html`` (see :class:`_FormParser`)."""
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def form_data(form, **changes):
    """The form's fields as a browser sends them, ``changes`` replacing fields by name (a list
    value sends the name once per item)."""
    data = [(k, v) for k, v in form["fields"] if k not in changes]
    for name, value in changes.items():
        data += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
    return data


def errors_in(html):
    """The error messages a page shows (form errors, error messages), as one short line."""
    found = re.findall(
        r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>'
        r'|<p class="message message-error">(.*?)</p>',
        html,
        re.S,
    )
    texts = [re.sub(r"<[^>]+>", " ", a or b) for a, b in found]
    return "; ".join(" ".join(t.split()) for t in texts)[:300]


def links(html, pattern):
    """The distinct matches of ``pattern`` in the page's ``href``s, in page order."""
    found = re.findall(r'href="(' + pattern + r')"', html)
    return list(dict.fromkeys(found))
