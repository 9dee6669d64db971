"""``resdip serve``: a real SPARQL 1.1 Protocol endpoint, queried over HTTP, stopped with Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import ctrl_c_works

FIXTURE = Path(__file__).parent / "fixtures" / "query"
VISITS = (Path(__file__).resolve().parents[1] / "queries" / "minister-visits.rq").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(port: int, *extra: str, tmp: Path | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ, TMPDIR=str(tmp)) if tmp else None
    return subprocess.Popen([sys.executable, "-m", "resdip.cli", "serve", "--graph-dir", str(FIXTURE),
                             "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=ctrl_c_works)


def wait_ready(server: subprocess.Popen[str]) -> list[str]:
    """The first two lines the server prints (it prints them once it answers on its port)."""
    assert server.stdout is not None
    lines = [server.stdout.readline(), server.stdout.readline()]
    assert all(lines), f"the server ended ({server.wait()}) before it was ready: {server.stderr.read()}"
    return lines


def stop(server: subprocess.Popen[str]) -> tuple[int, str]:
    """Ctrl-C, and a generous deadline (resdip gives oxigraph 5 s per signal); killed after it."""
    server.send_signal(signal.SIGINT)
    try:
        _, err = server.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        _, err = server.communicate()
        pytest.fail(f"resdip serve did not stop within 60 s of Ctrl-C: {err}")
    return server.returncode, err


def ended(server: subprocess.Popen[str]) -> None:
    """Finaliser: whatever the test did, the server (and with it oxigraph) is gone."""
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def endpoint() -> tuple[str, subprocess.Popen[str], list[str]]:
    port = free_port()
    server = start(port)
    try:
        lines = wait_ready(server)
        yield f"http://127.0.0.1:{port}", server, lines
    finally:
        ended(server)


def test_prints_endpoint_and_query_page(endpoint: tuple[str, subprocess.Popen[str], list[str]]) -> None:
    base, _, lines = endpoint
    assert lines[0].strip() == f"SPARQL endpoint (read-only): {base}/query"
    assert lines[1].strip() == f"Query page: {base}/"
    with urllib.request.urlopen(f"{base}/", timeout=60) as page:
        assert page.status == 200 and b"<html" in page.read(2000).lower()


def test_sparql_protocol_get_with_urllib(endpoint: tuple[str, subprocess.Popen[str], list[str]]) -> None:
    base, _, _ = endpoint
    url = f"{base}/query?" + urllib.parse.urlencode({"query": VISITS})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        data = json.load(response)
    got = {(b["visitor_ja"]["value"], b["destination_ja"]["value"]) for b in data["results"]["bindings"]}
    assert got == {("武藤容治", "サウジアラビア"), ("武藤容治", "アラブ首長国連邦"), ("齋藤健", "チリ")}


def test_named_graphs_and_union_default_graph(endpoint: tuple[str, subprocess.Popen[str], list[str]]) -> None:
    from SPARQLWrapper import JSON, SPARQLWrapper

    base, _, _ = endpoint
    client = SPARQLWrapper(f"{base}/query")
    client.setReturnFormat(JSON)
    client.setQuery("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    graphs = {b["g"]["value"]: int(b["n"]["value"]) for b in client.queryAndConvert()["results"]["bindings"]}
    assert graphs["https://w3id.org/resdip/graph/registry"] == 177
    assert len(graphs) == 4
    client.setQuery("PREFIX rd: <https://w3id.org/resdip/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?v a rd:Visit }")
    assert client.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "2"


def test_update_is_refused(endpoint: tuple[str, subprocess.Popen[str], list[str]]) -> None:
    base, _, _ = endpoint
    body = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
    request = urllib.request.Request(f"{base}/update", data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 403


def test_port_in_use_is_one_line(endpoint: tuple[str, subprocess.Popen[str], list[str]]) -> None:
    base, _, _ = endpoint
    port = base.rsplit(":", 1)[1]
    done = subprocess.run([sys.executable, "-m", "resdip.cli", "serve", "--graph-dir", str(FIXTURE), "--port", port],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 8
    assert done.stderr == f"resdip: cannot serve on 127.0.0.1:{port}: the port is in use\n"


def test_ctrl_c_stops_cleanly_and_removes_the_store(tmp_path: Path) -> None:
    port = free_port()
    env = dict(os.environ, TMPDIR=str(tmp_path))
    server = subprocess.Popen([sys.executable, "-m", "resdip.cli", "serve", "--graph-dir", str(FIXTURE),
                               "--port", str(port), "--writable"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              preexec_fn=ctrl_c_works)
    try:
        lines = wait_ready(server)
        assert "read-write" in lines[0]
        assert any(p.name.startswith("resdip-serve-") for p in tmp_path.iterdir())
        body = urllib.parse.urlencode({"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/update", data=body)
        with urllib.request.urlopen(request, timeout=60) as r:
            assert r.status in (200, 204)
        code, err = stop(server)
    finally:
        ended(server)
    assert code == 0 and "Traceback" not in err
    assert not any(tmp_path.iterdir())
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_killed_parent_takes_the_server_with_it(tmp_path: Path) -> None:
    port = free_port()
    server = start(port, tmp=tmp_path)  # the killed parent cannot remove its folder: keep it in tmp_path
    try:
        wait_ready(server)
    finally:
        server.kill()
        server.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("oxigraph still listening after resdip was killed")
