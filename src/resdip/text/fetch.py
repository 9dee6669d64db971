"""URLs in, source files and their fetch records out: a list of pages and PDFs becomes a corpus.

:func:`fetch_all` fetches one URL at a time, as a user agent that names the project, after reading
each host's ``robots.txt`` (a URL it disallows is not fetched; its ``Crawl-delay`` is kept), waiting
``delay`` seconds between two requests to one host. Each fetched body is written atomically into the
output folder under a name from the URL (with the extension its content type calls for), beside its
record ``NAME.fetch.json``: the URL asked for, the URL answered (after redirects), the retrieval time
(UTC), the SHA-256 of the bytes, the content type and the HTTP status. The build reads the URL from
that record (:meth:`resdip.text.sources.SourceMeta.for_file`).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .. import __version__
from ..errors import FetchError
from ..outputs import write_bytes_atomic, write_text_atomic

USER_AGENT = f"resdip/{__version__} (+https://w3id.org/resdip; a knowledge graph of Japan's resource diplomacy)"
RECORD_SUFFIX = ".fetch.json"
_EXTENSIONS = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
               "text/plain": ".txt"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Fetched:
    url: str
    path: Path
    record: dict[str, object]


def record_path(path: Path) -> Path:
    return path.with_name(path.name + RECORD_SUFFIX)


def file_name(url: str, content_type: str) -> str:
    """A file name for what a URL answered: its last path segment, made safe, with the extension
    its content type calls for (``index`` for a folder's URL)."""
    parts = urllib.parse.urlsplit(url)
    stem = _UNSAFE.sub("-", urllib.parse.unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])).strip("-.") or "index"
    extension = _EXTENSIONS.get(content_type.split(";")[0].strip().lower(), "")
    if extension and not stem.lower().endswith(extension) and not (extension == ".html" and stem.lower().endswith(".htm")):
        stem = f"{stem}{extension}"
    return stem


class _Robots:
    """robots.txt of each host, read once."""

    def __init__(self, opener: urllib.request.OpenerDirector, timeout: float) -> None:
        self.opener = opener
        self.timeout = timeout
        self.parsers: dict[str, urllib.robotparser.RobotFileParser] = {}

    def parser(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urllib.parse.urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.parsers:
            parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
            try:
                request = urllib.request.Request(f"{host}/robots.txt", headers={"User-Agent": USER_AGENT})
                with self.opener.open(request, timeout=self.timeout) as response:
                    parser.parse(response.read().decode("utf-8", "replace").splitlines())
            except urllib.error.HTTPError as exc:
                if exc.code in (401, 403):
                    parser.disallow_all = True  # as robotparser reads a forbidden robots.txt
                else:
                    parser.allow_all = True  # none there: everything may be fetched
            except (urllib.error.URLError, OSError) as exc:
                raise FetchError(f"{host}/robots.txt: cannot be reached ({_reason(exc)})") from None
            self.parsers[host] = parser
        return self.parsers[host]


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(getattr(reason, "strerror", None) or reason)


def fetch_all(urls: list[str], out: Path, *, delay: float = 1.0, timeout: float = 30.0,
              clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
              report: Callable[[str], None] = lambda message: None) -> tuple[list[Fetched], list[str]]:
    """Fetch each URL in turn into ``out``; returns what was fetched and one error line per URL that was not."""
    opener = urllib.request.build_opener()
    robots = _Robots(opener, timeout)
    last_request: dict[str, float] = {}
    fetched: list[Fetched] = []
    errors: list[str] = []
    taken: set[str] = set()
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            errors.append(f"{url}: not an http or https URL")
            continue
        try:
            rules = robots.parser(url)
        except FetchError as exc:
            errors.append(str(exc))
            continue
        if not rules.can_fetch(USER_AGENT, url):
            errors.append(f"{url}: disallowed by robots.txt, not fetched")
            continue
        wait = max(delay, float(rules.crawl_delay(USER_AGENT) or 0))
        since = time.monotonic() - last_request.get(parts.netloc, float("-inf"))
        if since < wait:
            time.sleep(wait - since)
        last_request[parts.netloc] = time.monotonic()
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5"})
        try:
            with opener.open(request, timeout=timeout) as response:
                body = response.read()
                status = response.status
                final_url = response.geturl()
                content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            errors.append(f"{url}: HTTP {exc.code} {exc.reason}")
            continue
        except (urllib.error.URLError, OSError) as exc:
            errors.append(f"{url}: cannot be fetched ({_reason(exc)})")
            continue
        name = file_name(final_url, content_type)
        stem, dot, extension = name.partition(".")
        number = 2
        while name in taken:
            name = f"{stem}-{number}{dot}{extension}"
            number += 1
        taken.add(name)
        path = out / name
        record = {"url": url, "final_url": final_url, "retrieved": clock().strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "sha256": hashlib.sha256(body).hexdigest(), "content_type": content_type, "status": status,
                  "bytes": len(body), "user_agent": USER_AGENT}
        write_bytes_atomic(path, body)
        write_text_atomic(record_path(path), json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        report(f"fetched {url} -> {path}")
        fetched.append(Fetched(url, path, record))
    return fetched, errors


def fetch_record(path: Path) -> dict[str, object]:
    """The fetch record beside a file, or {} when it has none (or one that cannot be read)."""
    try:
        data = json.loads(record_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
