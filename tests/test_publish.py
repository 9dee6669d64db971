"""``resdip publish``: the dataset into a SPARQL store over the Graph Store Protocol, graphs kept."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from resdip.cli import main
from resdip.commands.serve import find_oxigraph
from resdip.rdf.store import count_triples, graph_names, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "query"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture()
def store_server() -> Iterator[str]:
    """A writable, in-memory Oxigraph server on a free port."""
    port = free_port()
    server = subprocess.Popen([find_oxigraph(), "serve", "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "oxigraph did not start"
            time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def remote_counts(base: str) -> dict[str, int]:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": PER_GRAPH})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        results = ox.parse_query_results(response.read(), format=ox.QueryResultsFormat.JSON)
    return {s["g"].value: int(s["n"].value) for s in results}


def test_publish_keeps_named_graphs_and_counts(store_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "--endpoint", f"{store_server}/store", "--graph-dir", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    local_store = open_store(FIXTURE, union=False)
    local = {g: count_triples(local_store, g) for g in graph_names(local_store)}
    assert remote_counts(store_server) == local
    assert re.search(rf"^sent +https://w3id.org/resdip/graph/registry +{local['https://w3id.org/resdip/graph/registry']} triples$",
                     out, re.M)
    assert re.search(rf"^4 graphs sent, {sum(local.values())} triples \(0\.\d MB\) → {store_server}/store$", out, re.M)
    # publishing again replaces (PUT), it does not add
    assert main(["publish", "--endpoint", f"{store_server}/store", "--graph-dir", str(FIXTURE)]) == 0
    assert remote_counts(store_server) == local


def test_http_error_gives_the_status_line(store_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "--endpoint", f"{store_server}/nowhere", "--graph-dir", str(FIXTURE)]) == 8
    err = capsys.readouterr().err
    assert err.startswith(f"resdip: PUT {store_server}/nowhere?graph=urn%3Aresdip%3Astaging%3Ahttps%3A%2F%2Fw3id.org%2F") and "HTTP 404 Not Found" in err
    assert err.count("\n") == 1


def test_unreachable_and_bad_urls(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    assert main(["publish", "--endpoint", f"http://127.0.0.1:{port}/store", "--graph-dir", str(FIXTURE)]) == 8
    assert "cannot reach" in capsys.readouterr().err
    assert main(["publish", "--endpoint", "localhost:7878/store", "--graph-dir", str(FIXTURE)]) == 2
    assert "must be an http(s) URL" in capsys.readouterr().err


def test_publish_without_a_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "--endpoint", "http://127.0.0.1:1/store", "--graph-dir", str(tmp_path)]) == 3
    assert "dataset.trig not found" in capsys.readouterr().err


def test_the_real_command_has_no_traceback() -> None:
    done = subprocess.run([sys.executable, "-m", "resdip.cli", "publish", "--graph-dir", str(FIXTURE)],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "--endpoint" in done.stderr
