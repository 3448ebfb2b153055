"""Open framing's HTML report in headless Chromium and check it: console errors, highlight offsets, layer toggles.

Talks to Chromium over ``--remote-debugging-pipe`` (the DevTools protocol on file descriptors
3 and 4), so it needs only the standard library and a Chromium binary: no network, no sockets.

    python scripts/check_html_in_browser.py                       # seeds/summit_opinion.txt
    python scripts/check_html_in_browser.py article.txt --screenshot docs/report.png --width 1400 --height 1300
"""

from __future__ import annotations

import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SAMPLE = ROOT / "seeds" / "summit_opinion.txt"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe",
)
TIMEOUT = 30.0

# Runs in the page: every element with data-start/data-end, then the term toggle round trip.
_PROBE = """
(() => {
  const root = document.querySelector('.framing-report');
  const spans = Array.from(document.querySelectorAll('[data-start][data-end]')).map(el => ({
    start: +el.getAttribute('data-start'), end: +el.getAttribute('data-end'), text: el.textContent}));
  const boxes = Array.from(root.querySelectorAll('input[data-layer]'));
  const out = {spans: spans, layers: boxes.map(b => b.getAttribute('data-layer')),
               svg: document.querySelectorAll('svg.fr-chart').length, scripts: document.scripts.length};
  const target = TARGET;
  if (target) {
    const el = root.querySelector(`.hl-term[data-start="${target.start}"][data-end="${target.end}"]`);
    out.target = el ? {text: el.textContent, before: getComputedStyle(el).backgroundColor} : null;
    const box = root.querySelector('input[data-layer="terms"]');
    if (el && box) {
      el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: 10, clientY: 10}));
      const tip = root.querySelector('.fr-tip');
      out.target.tip = tip && !tip.hidden ? tip.textContent : null;
      box.click();
      out.target.after = getComputedStyle(el).backgroundColor;
      out.target.rootOff = root.classList.contains('off-terms');
      box.click();
      out.target.restored = getComputedStyle(el).backgroundColor;
    }
  }
  return out;
})()
"""


@dataclass
class PageCheck:
    """What the browser saw: errors from the page, failed checks, and how many offsets were verified."""

    errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    n_spans: int = 0
    probe: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.problems


def find_chromium() -> str | None:
    """The path of a Chromium/Chrome binary, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


_TRAMPOLINE = (
    "import os, sys; commands, replies = int(sys.argv[1]), int(sys.argv[2]); os.dup2(commands, 3); "
    "os.dup2(replies, 4); os.close(commands); os.close(replies); os.execv(sys.argv[3], sys.argv[3:])"
)


def _high(fds: tuple[int, int]) -> tuple[int, int]:
    """The same pipe ends moved to fds >= 10, so that moving them to 3 and 4 cannot clash."""
    moved = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in fds)
    for fd in fds:
        os.close(fd)
    return moved[0], moved[1]


class _DevTools:
    """A minimal DevTools-protocol client over Chromium's debugging pipe."""

    def __init__(self, chromium: str, profile: Path) -> None:
        to_chrome_r, to_chrome_w = _high(os.pipe())
        from_chrome_r, from_chrome_w = _high(os.pipe())
        # Chromium reads commands from fd 3 and writes replies to fd 4: a small Python trampoline puts
        # our pipe ends there and execs Chromium (no preexec_fn, which is unsafe with threads).
        self._process = subprocess.Popen(
            [sys.executable, "-c", _TRAMPOLINE, str(to_chrome_r), str(from_chrome_w),
             chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(to_chrome_r, from_chrome_w),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._write, self._read = to_chrome_w, from_chrome_r
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        wanted = self._next_id
        message: dict[str, Any] = {"id": wanted, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event (or return one that already arrived)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._receive()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the debugging pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        if message.get("method") == "Page.javascriptDialogOpening":
            # An alert() would block the page forever: note it (see _page_errors) and dismiss it.
            self._next_id += 1
            dismiss = {"id": self._next_id, "method": "Page.handleJavaScriptDialog", "params": {"accept": False},
                       "sessionId": message.get("sessionId")}
            os.write(self._write, json.dumps(dismiss).encode("utf-8") + b"\0")
        return message

    def close(self) -> None:
        try:
            os.write(self._write, json.dumps({"id": 0, "method": "Browser.close", "params": {}}).encode() + b"\0")
            self._process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        finally:
            os.close(self._write)
            os.close(self._read)


def _page_errors(events: list[dict[str, Any]]) -> list[str]:
    errors = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            errors.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append("console." + params["type"] + ": " + " ".join(str(a.get("value", a.get("description")))
                                                                       for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            errors.append(f"log: {params['entry'].get('text')}")
        elif method == "Page.javascriptDialogOpening":
            errors.append(f"dialog opened: {params.get('message')!r}")
    return errors


def check_page(path: Path, data: dict[str, Any], *, chromium: str, term: str | None = "protection racket",
               screenshot: Path | None = None, width: int = 1400, height: int = 1300, hover: bool = True) -> PageCheck:
    """Load ``path`` (the HTML of ``data``) from a file:// URL and check it; optionally save a PNG.

    With ``hover``, the screenshot shows the tooltip of the checked term when it is on screen.
    """
    text: str = data["text"]
    target = _find_term(data, term) if term else None
    check = PageCheck()
    if term and target is None:
        check.problems.append(f"the report has no loaded term {term!r}")
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        tools = _DevTools(chromium, Path(profile))
        try:
            page = tools.call("Target.createTarget", url="about:blank")["targetId"]
            session = tools.call("Target.attachToTarget", targetId=page, flatten=True)["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                tools.call(f"{domain}.enable", session)
            tools.call("Emulation.setDeviceMetricsOverride", session, width=width, height=height,
                       deviceScaleFactor=1, mobile=False)
            tools.events.clear()
            tools.call("Page.navigate", session, url=path.resolve().as_uri())
            tools.wait_for("Page.loadEventFired")
            expression = _PROBE.replace("TARGET", json.dumps(target))
            result = tools.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
            if "exceptionDetails" in result:
                check.problems.append(f"probe failed: {result['exceptionDetails']}")
            else:
                check.probe = result["result"]["value"]
            if screenshot is not None:
                tools.call("Runtime.evaluate", session, expression="window.scrollTo(0, 0)")
                if target and hover:
                    _hover(tools, session, target)
                shot = tools.call("Page.captureScreenshot", session, format="png")
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                screenshot.write_bytes(base64.b64decode(shot["data"]))
            check.errors = _page_errors(tools.events)
        finally:
            tools.close()
    _judge(check, text, target)
    return check


def _hover(tools: _DevTools, session: str, target: dict[str, Any]) -> None:
    """Move the mouse onto the target highlight (when it is in the viewport) so that its tooltip shows."""
    where = (f'(() => {{ const el = document.querySelector(\'.hl-term[data-start="{target["start"]}"]\'); '
             "if (!el) return null; const r = el.getClientRects()[0]; "
             "return r && r.bottom < window.innerHeight ? [r.left + r.width * 0.6, r.top + r.height / 2] : null; })()")
    point = tools.call("Runtime.evaluate", session, expression=where, returnByValue=True)["result"].get("value")
    if point:
        tools.call("Input.dispatchMouseEvent", session, type="mouseMoved", x=point[0], y=point[1])


def _find_term(data: dict[str, Any], term: str) -> dict[str, Any] | None:
    """The first hit of ``term`` (title/standfirst, headings, paragraphs)."""
    hits = [h for part in data.get("front", []) for h in part["loaded_terms"]]
    for section in data["sections"]:
        hits += section["heading_terms"] + [h for p in section["paragraphs"] for h in p["loaded_terms"]]
    return next(({"start": h["start"], "end": h["end"]} for h in hits if h["term"] == term), None)


def _judge(check: PageCheck, text: str, target: dict[str, Any] | None) -> None:
    probe = check.probe
    if not probe:
        return
    spans = probe["spans"]
    check.n_spans = len(spans)
    for span in spans:
        if span["text"] != text[span["start"]:span["end"]]:
            check.problems.append(f"element [{span['start']}:{span['end']}] shows {span['text']!r}, "
                                  f"text has {text[span['start']:span['end']]!r}")
    if probe["layers"] != ["terms", "actors", "scare", "attribution", "noise"]:
        check.problems.append(f"layer toggles: {probe['layers']}")
    if probe["svg"] != 1:
        check.problems.append(f"expected one chart, found {probe['svg']}")
    if target is None:
        return
    seen = probe.get("target")
    wanted = text[target["start"]:target["end"]]
    transparent = "rgba(0, 0, 0, 0)"
    if seen is None:
        check.problems.append(f"no highlight element for {wanted!r} at {target['start']}:{target['end']}")
    elif seen["text"] != wanted:
        check.problems.append(f"highlight shows {seen['text']!r}, expected {wanted!r}")
    elif seen["before"] == transparent or seen.get("after") != transparent or not seen.get("rootOff"):
        check.problems.append(f"terms toggle did not hide the highlight: {seen}")
    elif seen.get("restored") != seen["before"]:
        check.problems.append(f"terms toggle did not restore the highlight: {seen}")
    elif not seen.get("tip") or "Loaded term" not in seen["tip"]:
        check.problems.append(f"hover showed no tooltip: {seen.get('tip')!r}")


def main(argv: list[str] | None = None) -> int:
    """Render a sample, check it in headless Chromium, print what was found; 0 when all is well."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sample", nargs="?", type=Path, default=DEFAULT_SAMPLE, help="article to render")
    parser.add_argument("--screenshot", type=Path, help="save a PNG of the top of the page here")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1300)
    parser.add_argument("--term", default="protection racket",
                        help="loaded term whose highlight is checked ('' for none)")
    parser.add_argument("--no-hover", action="store_true", help="do not show the term's tooltip in the screenshot")
    parser.add_argument("--keep-html", type=Path, help="also write the rendered HTML here")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("no Chromium found (tried: " + ", ".join(CHROMIUM_NAMES) + ")", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    import framing

    sample: Path = args.sample
    if sample.resolve().is_relative_to(Path.cwd()):
        sample = sample.resolve().relative_to(Path.cwd())  # the report shows its source path
    report = framing.report(sample)
    with tempfile.TemporaryDirectory(prefix="framing-html-") as folder:
        page = args.keep_html or Path(folder) / "report.html"
        report.to_html(page)
        check = check_page(page, report.to_dict(), chromium=chromium, term=args.term or None,
                           screenshot=args.screenshot, width=args.width, height=args.height, hover=not args.no_hover)
    for error in check.errors:
        print(f"page error: {error}")
    for problem in check.problems:
        print(f"problem: {problem}")
    print(f"{sample}: {check.n_spans} highlighted elements checked, "
          f"{len(check.errors)} page errors, {len(check.problems)} problems"
          + (f"; screenshot {args.screenshot}" if args.screenshot else ""))
    return 0 if check.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
