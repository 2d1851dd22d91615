"""Keyboard-only helpers for the browser tests: press keys, and after every move of the focus
check what a sighted keyboard user and a screen-reader user would check.

Nothing here clicks or fills: the page is driven with ``page.keyboard`` only. The DOM is read
to *assert* what has the focus, and Chromium's own accessibility tree (over the DevTools
protocol) gives the focused element's role and accessible name.
"""

from dataclasses import dataclass

import pytest

from tests.browser.conftest import snap

# What has the focus, and whether it shows: a focus ring is a visible outline or box-shadow.
_FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) { return null; }
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = !!style.boxShadow && style.boxShadow !== "none";
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, type: el.getAttribute("type"),
    name: el.getAttribute("name"), value: "value" in el ? String(el.value) : null,
    checked: "checked" in el ? el.checked : null,
    ring: outline || shadow, outline: style.outlineStyle + " " + style.outlineWidth,
    shadow: style.boxShadow, onScreen: box.width > 0 && box.height > 0,
    html: el.outerHTML.slice(0, 160),
    matchesFocus: el.matches(":focus"), matchesVisible: el.matches(":focus-visible"),
  };
}"""


@dataclass
class Focus:
    """The focused element as the tests see it."""

    tag: str
    id: str
    type: str | None
    name: str | None
    value: str | None
    checked: bool | None
    role: str
    label: str
    html: str


class Keyboard:
    """Drives one page with the keyboard, checking the focus after every key."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.steps = 0

    # -- reading the focus ---------------------------------------------------------------
    def _accessible(self):
        """(role, name) of document.activeElement in Chromium's accessibility tree."""
        handle = self.cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})
        object_id = handle["result"]["objectId"]
        try:
            tree = self.cdp.send(
                "Accessibility.getPartialAXTree", {"objectId": object_id, "fetchRelatives": False}
            )
        finally:
            self.cdp.send("Runtime.releaseObject", {"objectId": object_id})
        node = tree["nodes"][0]
        role = (node.get("role") or {}).get("value", "")
        name = (node.get("name") or {}).get("value", "")
        return str(role), str(name).strip()

    def focus(self, *, require_ring=True):
        """The focused element; fails unless it shows a focus ring and has a name."""
        state = self.page.evaluate(_FOCUS_JS)
        if state is None:
            pytest.fail("the focus is lost (on the document body)", pytrace=False)
        role, label = self._accessible()
        focus = Focus(
            tag=state["tag"],
            id=state["id"],
            type=state["type"],
            name=state["name"],
            value=state["value"],
            checked=state["checked"],
            role=role,
            label=label,
            html=state["html"],
        )
        if require_ring:
            assert state["ring"] and state["onScreen"], (
                f"no visible focus on {state['html']} (outline {state['outline']}, "
                f"box-shadow {state['shadow']}, on screen: {state['onScreen']}, :focus "
                f"{state['matchesFocus']}, :focus-visible {state['matchesVisible']})"
            )
        assert label, f"the focused {role or state['tag']} has no accessible name: {state['html']}"
        return focus

    def matches(self, selector):
        return self.page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        )

    # -- moving ----------------------------------------------------------------------------
    def press(self, key, *, require_ring=True):
        """Press ``key`` and check the focus it leaves."""
        self.page.keyboard.press(key)
        self.steps += 1
        return self.focus(require_ring=require_ring)

    def tab_to(self, selector, *, limit=80, backwards=False):
        """Press Tab (Shift+Tab) until ``selector`` has the focus, checking every stop."""
        key = "Shift+Tab" if backwards else "Tab"
        seen = []
        for _ in range(limit):
            focus = self.press(key)
            if self.matches(selector):
                return focus
            seen.append(f"{focus.role} “{focus.label}”")
        pytest.fail(
            f"{selector} not reached with {limit} × {key}; passed: {seen[-12:]}", pytrace=False
        )

    def type(self, text):
        """Type into the focused element, as a person would."""
        self.page.keyboard.type(text)

    def submit_with(self, key="Enter"):
        """Press ``key`` on the focused control and wait for the page it loads."""
        with self.page.expect_navigation(wait_until="load"):
            self.page.keyboard.press(key)
        snap(self.page)

    def skip_to_main(self):
        """From the top of a freshly loaded page: the first Tab reaches the skip link, and
        Enter on it moves the focus to the main landmark."""
        first = self.press("Tab")
        assert first.role == "link" and first.label == "Skip to main content", first
        self.page.keyboard.press("Enter")
        assert self.page.evaluate("() => document.activeElement.id") == "main"
        assert self.page.evaluate("() => document.activeElement.tagName") == "MAIN"

    def error_summary(self):
        """The error summary that took the focus on load: its text (fails if there is none
        or if it is neither focused nor a live region)."""
        summary = self.page.locator("[data-error-summary]")
        assert summary.count() == 1, "no error summary on the page"
        assert self.matches("[data-error-summary]"), "the error summary does not have the focus"
        role = summary.get_attribute("role")
        assert role == "alert" or summary.get_attribute("aria-live") in ("assertive", "polite")
        return summary.inner_text()

    def assert_invalid(self, selector, message):
        """The field is marked invalid and described by an element that says ``message``."""
        field = self.page.locator(selector)
        assert field.get_attribute("aria-invalid") == "true", f"{selector} is not aria-invalid"
        described = self.described_by(selector)
        assert message in described, f"{selector} is described by {described!r}"

    def described_by(self, selector):
        """The text of the elements ``selector``'s aria-describedby points at ('' if none);
        fails if it points at an element that does not exist."""
        return self.page.evaluate(
            """s => {
              const el = document.querySelector(s);
              const ids = (el.getAttribute("aria-describedby") || "").split(/\\s+/)
                .filter(Boolean);
              return ids.map(id => {
                const target = document.getElementById(id);
                if (!target) { throw new Error("aria-describedby points at missing #" + id); }
                return target.textContent.trim();
              }).join(" ");
            }""",
            selector,
        )
