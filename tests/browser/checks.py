"""Checks ``snap()`` runs on every page the browser tests visit, besides axe-core.

- **Phones**: the page is laid out again at 375×812 px (an iPhone's width) and must not scroll
  sideways (``document.documentElement.scrollWidth`` within the viewport) and its header must
  stay compact; a screenshot ``<test>-<n>-375.png`` is saved beside the desktop one.
- **Markup**: the HTML the server sent for the page (and the DOM after its scripts ran) is
  saved under ``screenshots/html/``; at the end of the session the W3C Nu HTML checker
  (``vnu.jar`` from the ``vnu-jar`` npm package, on the machine's Java) checks every saved
  file in one run and the session fails on any error, naming the page, line and message.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# The tallest header that leaves a phone's screen to the page (812 px tall).
PHONE_HEADER_MAX = 120
ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Waits two frames, so that the page is laid out (and painted) at the new size.
_SETTLE_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

# Measures the page at the current viewport: its scroll width, the header's height, and the
# innermost elements that reach past the right edge (unless an ancestor that scrolls or clips
# sideways keeps them inside the viewport), widest first.
_MEASURE_JS = """() => {
  const vw = document.documentElement.clientWidth;
  const header = document.querySelector("body > header, .site-header");
  const clipped = (el) => {
    // An absolutely placed box may escape its scrolling ancestor: never counted as inside.
    if (["absolute", "fixed"].includes(getComputedStyle(el).position)) { return false; }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== "visible" && a.getBoundingClientRect().right <= vw + 1) { return true; }
    }
    return false;
  };
  const over = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > vw + 0.5 && box.width > 0 && el.checkVisibility() && !clipped(el)) {
      over.push([el, box]);
    }
  }
  const culprits = over.filter(([el, box]) => !over.some(
    ([other, ob]) => other !== el && el.contains(other) && ob.right >= box.right - 1));
  culprits.sort((a, b) => b[1].right - a[1].right);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("");
  return {
    viewport: vw,
    scrollWidth: document.documentElement.scrollWidth,
    header: header ? Math.round(header.getBoundingClientRect().height) : 0,
    widest: culprits.slice(0, 8).map(([el, box]) => {
      const path = [];
      for (let a = el; a && a !== document.body && path.length < 4; a = a.parentElement) {
        path.unshift(name(a));
      }
      return {
        path: path.join(" > "), right: Math.round(box.right), width: Math.round(box.width),
        html: el.outerHTML.slice(0, 140),
      };
    }),
  };
}"""


def phone_problems(page, screenshot):
    """Lay the page out at 375 px, save ``screenshot`` and return what does not fit, if
    anything (a list of lines; empty when the page fits). The viewport is put back after."""
    page.set_viewport_size(PHONE)
    try:
        page.evaluate(_SETTLE_JS)
        measured = page.evaluate(_MEASURE_JS)
        page.screenshot(path=str(screenshot), full_page=True)
    finally:
        page.set_viewport_size(DESKTOP)
        page.evaluate(_SETTLE_JS)
    problems = []
    if measured["scrollWidth"] > PHONE["width"]:
        problems.append(
            f"scrolls sideways at {PHONE['width']} px: the page is "
            f"{measured['scrollWidth']} px wide; what reaches past the edge, widest first:"
        )
        problems.extend(
            f"  {w['path']} (right edge at {w['right']} px, {w['width']} px wide): {w['html']}"
            for w in measured["widest"]
        )
    if measured["header"] > PHONE_HEADER_MAX:
        problems.append(
            f"the header takes {measured['header']} px of {PHONE['height']} at "
            f"{PHONE['width']} px (at most {PHONE_HEADER_MAX})"
        )
    return problems


def html_folder():
    """Where this session saves the pages' HTML: one folder per pytest-xdist worker."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return Path(__file__).resolve().parent / "screenshots" / "html" / worker


def start_html_folder():
    """An empty folder for this session's pages."""
    folder = html_folder()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def save_html(*, stem, url, text, kind):
    """Save one page's HTML as ``<stem>.<kind>.html`` and note where it came from."""
    folder = html_folder()
    if not folder.is_dir():
        return
    path = folder / f"{stem}.{kind}.html"
    path.write_text(text, encoding="utf-8")
    with open(folder / "index.jsonl", "a", encoding="utf-8") as index:
        index.write(json.dumps({"file": path.name, "url": url, "kind": kind}) + "\n")


HIDDEN_AUTOCOMPLETE = (
    "An “input” element with a “type” attribute whose value is “hidden” must not have an "
    "“autocomplete” attribute whose value is “on” or “off”."
)


def _admin_inlines_js(message, source):
    """Whether the message is the one Django admin's own ``inlines.js`` causes: it sets
    ``autocomplete="off"`` on each inline's management form (``*-TOTAL_FORMS``,
    ``*-MIN_NUM_FORMS``, ``*-MAX_NUM_FORMS``) so that Firefox does not restore their counts
    on reload. Neither our templates nor our scripts set it, and taking it away would bring
    that bug back; so only this message, only in the DOM after scripts, only on ``/admin/``
    pages, is let through. The server's HTML stays checked strictly."""
    return (
        source.get("kind") == "dom"
        and urlsplit(source.get("url", "")).path.startswith("/admin/")
        and message.get("message") == HIDDEN_AUTOCOMPLETE
        and re.search(r'name="[\w-]+-(TOTAL|MIN_NUM|MAX_NUM)_FORMS"',
                      message.get("extract", "")) is not None
    )


def html_checker_errors(folder):
    """Run vnu.jar once over every saved page; returns its error messages as lines of
    ``<test page> (<url>, <server|dom>) line N: message``. Raises ``RuntimeError`` when
    the checker cannot run."""
    files = sorted(folder.glob("*.html"))
    if not files:
        return []
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        raise RuntimeError(
            f"the W3C HTML checker cannot run: needs java on PATH ({java}) and {VNU_JAR} "
            "(run `npm ci` at the repository root)"
        )
    sources = {}
    index = folder / "index.jsonl"
    if index.exists():
        for line in index.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            sources[entry["file"]] = entry
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--stdout", *[str(f) for f in files]],
        capture_output=True, text=True, check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(
            f"vnu.jar gave no JSON report ({error}): {result.stdout[:500]} {result.stderr[:500]}"
        ) from error
    lines = []
    for message in messages:
        if message.get("type") != "error" and message.get("subType") != "fatal":
            continue
        name = Path(message.get("url", "")).name
        source = sources.get(name, {})
        if _admin_inlines_js(message, source):
            continue
        extract = " ".join(message.get("extract", "").split())
        lines.append(
            f"{name} ({source.get('url', '?')}) line {message.get('lastLine', '?')}: "
            f"{message['message']} [{extract[:120]}]"
        )
    return lines
