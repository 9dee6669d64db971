"""``resdip fetch``: pages and PDFs saved with their fetch records, politely, from a local HTTP server.

The server is started by the test on a free port of 127.0.0.1 (in a thread of the test process; it
answers once it is bound, and is shut down by a finaliser even when the test fails). It serves a
robots.txt that disallows ``/private/``, one of the test pages (``tests/html/meti-visit.html``), the
test PDF, a page behind a redirect, and 404 for anything else; it records each request's path and
User-Agent and how many requests it was answering at once. Nothing leaves the machine.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import ROOT, build_documents, cli_env

PAGE = ROOT / "tests" / "html" / "meti-visit.html"
PDF = ROOT / "tests" / "pdf" / "ewp2025-p2c1.pdf"


class _Server(http.server.ThreadingHTTPServer):
    requests: list[tuple[str, str]]
    in_flight = 0
    most_in_flight = 0
    lock = threading.Lock()


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    ROUTES = {
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/press/20250708001.html": ("text/html; charset=utf-8", PAGE.read_bytes()),
        "/whitepaper/2025/part2-ch1.pdf": ("application/pdf", PDF.read_bytes()),
        "/private/draft.html": ("text/html", b"<html><body><p>not for robots</p></body></html>"),
    }

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        with self.server.lock:
            self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
        try:
            if self.path == "/latest":
                self.send_response(302)
                self.send_header("Location", "/press/20250708001.html")
                self.end_headers()
                return
            if self.path not in self.ROUTES:
                self.send_error(404, "Not Found")
                return
            content_type, body = self.ROUTES[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            with self.server.lock:
                self.server.in_flight -= 1

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture()
def server(request: pytest.FixtureRequest) -> str:
    httpd = _Server(("127.0.0.1", 0), _Handler)  # port 0: a free port, bound before this returns
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=60)

    request.addfinalizer(stop)
    request.node.httpd = httpd
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def _fetch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "resdip.cli", "fetch", *args], cwd=ROOT, env=cli_env(),
                          capture_output=True, text=True, timeout=300)


def test_fetch_saves_pages_and_pdfs_with_their_records(server: str, tmp_path: Path, request) -> None:
    out = tmp_path / "sources"
    before = datetime.now(timezone.utc).replace(microsecond=0)
    result = _fetch(f"{server}/press/20250708001.html", f"{server}/whitepaper/2025/part2-ch1.pdf",
                    f"{server}/latest", "--out", str(out), "--delay", "0.2", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    names = sorted(p.name for p in out.iterdir())
    assert names == ["20250708001-2.html", "20250708001-2.html.fetch.json", "20250708001.html",
                     "20250708001.html.fetch.json", "part2-ch1.pdf", "part2-ch1.pdf.fetch.json"]
    assert (out / "part2-ch1.pdf").read_bytes() == PDF.read_bytes()
    record = json.loads((out / "part2-ch1.pdf.fetch.json").read_text(encoding="utf-8"))
    assert record["url"] == record["final_url"] == f"{server}/whitepaper/2025/part2-ch1.pdf"
    assert record["sha256"] == hashlib.sha256(PDF.read_bytes()).hexdigest()
    assert record["content_type"] == "application/pdf" and record["status"] == 200
    retrieved = datetime.strptime(record["retrieved"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert before <= retrieved <= datetime.now(timezone.utc)
    redirected = json.loads((out / "20250708001-2.html.fetch.json").read_text(encoding="utf-8"))
    assert redirected["url"] == f"{server}/latest"
    assert redirected["final_url"] == f"{server}/press/20250708001.html"
    httpd = request.node.httpd
    paths = [path for path, _ in httpd.requests]
    assert paths == ["/robots.txt", "/press/20250708001.html", "/whitepaper/2025/part2-ch1.pdf", "/latest",
                     "/press/20250708001.html"]  # robots.txt once per host, then one URL after another
    assert httpd.most_in_flight == 1
    assert all(agent.startswith("resdip/") and "resource diplomacy" in agent for _, agent in httpd.requests)


def test_robots_txt_is_respected_and_failures_are_one_line_each(server: str, tmp_path: Path, request) -> None:
    out = tmp_path / "sources"
    result = _fetch(f"{server}/private/draft.html", f"{server}/press/20250708001.html", f"{server}/gone.html",
                    "--out", str(out), "--delay", "0", "--quiet")
    assert result.returncode == 15
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("resdip: ") for line in lines), result.stderr
    assert "/private/draft.html: disallowed by robots.txt" in lines[0]
    assert "/gone.html: HTTP 404" in lines[1] and "(1 of 3 fetched)" in lines[1]
    assert "/private/draft.html" not in [path for path, _ in request.node.httpd.requests]
    assert sorted(p.name for p in out.iterdir()) == ["20250708001.html", "20250708001.html.fetch.json"]


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on: bound, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _fetch(f"http://127.0.0.1:{port}/x.html", "--out", str(tmp_path / "s"), "--quiet")
    assert result.returncode == 15
    assert result.stderr.count("\n") == 1 and "robots.txt: cannot be reached" in result.stderr


def test_a_fetched_pdf_builds_with_its_url(server: str, tmp_path: Path) -> None:
    out = tmp_path / "sources"
    url = f"{server}/whitepaper/2025/part2-ch1.pdf"
    assert _fetch(url, "--out", str(out), "--delay", "0", "--quiet").returncode == 0
    store = build_documents([out / "part2-ch1.pdf"], tmp_path / "graph")
    rows = list(store.query("SELECT ?d WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/source> <" + url + "> } }"))
    assert [r["d"].value for r in rows if "/doc/" in r["d"].value] == [
        f"https://w3id.org/resdip/doc/part2-ch1-{hashlib.sha256(PDF.read_bytes()).hexdigest()[:8]}"]
