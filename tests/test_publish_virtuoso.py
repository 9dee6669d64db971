"""``resdip publish`` into a real Virtuoso through its authenticated Graph Store endpoint (HTTP Digest).

Virtuoso (tests/virtuoso.py, one per session) runs on a scratch database. These tests check what a
user relies on when loading the dataset into their group's store: the graphs arrive whole (counted
and fetched back), ``--only-changed`` sends nothing the store already holds, ``--graph`` sends one
graph, and a wrong password, an unreachable store and a graph the store refuses each end with one
line and a status of their own, with every graph of the store as it was and no secret printed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import urllib.parse
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from resdip.commands.protocol import ask
from resdip.commands.remote import Credentials, Remote
from resdip.rdf.checksums import graph_bodies
from virtuoso import PASSWORD, USER, Virtuoso, free_port

GRAPH_DIR = ROOT / "graph"
DATASET = GRAPH_DIR / "dataset.trig"
VOID = "https://w3id.org/resdip/graph/void"
REGISTRY = "https://w3id.org/resdip/graph/registry"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def publish(*args: str | Path, password: str = PASSWORD, user: str = USER) -> subprocess.CompletedProcess[str]:
    """The real command, with the password in an environment variable (as a user would run it)."""
    env = {**os.environ, "RESDIP_TEST_PASSWORD": password}
    return subprocess.run([sys.executable, "-m", "resdip.cli", "publish", *map(str, args),
                           "--user", user, "--password-env", "RESDIP_TEST_PASSWORD"],
                          capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)


def fetch(server: Virtuoso, graph: str) -> set[ox.Triple]:
    """A graph as the store holds it, through the Graph Store endpoint (authenticated GET)."""
    remote = Remote(Credentials(USER, PASSWORD, "test"))
    url = f"{server.graph_store}?graph={urllib.parse.quote(graph, safe='')}"
    response = remote.request("GET", url, headers={"Accept": "text/turtle"}, ok=(404,))
    if response.status == 404:
        return set()
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(response.body, format=ox.RdfFormat.TURTLE)}


def counts(server: Virtuoso) -> dict[str, int]:
    result = ask(Remote(None), server.sparql, PER_GRAPH, ox.Store().query(PER_GRAPH), [])
    return {s["g"].value: int(s["n"].value) for s in result if s["g"].value.startswith(("https://w3id.org/resdip/", "urn:resdip:"))}


def local_counts(dataset: Path) -> dict[str, int]:
    return {g: body.count(b"\n") for g, body in graph_bodies(dataset).items() if g}


def same_terms(a: set[ox.Triple], b: set[ox.Triple]) -> bool:
    """Equal once xsd:nonNegativeInteger is read as xsd:integer (Virtuoso stores it so: see docs/stores.md)."""
    def norm(t: ox.Triple) -> ox.Triple:
        o = t.object
        if isinstance(o, ox.Literal) and o.datatype.value.endswith("#nonNegativeInteger"):
            o = ox.Literal(o.value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        return ox.Triple(t.subject, t.predicate, o)
    return {norm(t) for t in a} == {norm(t) for t in b}


@pytest.fixture(scope="module")
def loaded(virtuoso: Virtuoso) -> Virtuoso:
    done = publish("--endpoint", virtuoso.graph_store, "--graph-dir", GRAPH_DIR)
    assert done.returncode == 0, done.stderr
    return virtuoso


def test_every_graph_arrives_whole_with_digest_authentication(loaded: Virtuoso) -> None:
    assert counts(loaded) == local_counts(DATASET)  # and no staging graph is left
    sent = fetch(loaded, REGISTRY)
    mine = {ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(graph_bodies(DATASET)[REGISTRY], format=ox.RdfFormat.N_TRIPLES)}
    assert same_terms(sent, mine)


def test_the_summary_says_what_was_sent_and_how(virtuoso: Virtuoso) -> None:
    done = publish("--endpoint", virtuoso.graph_store, "--graph-dir", GRAPH_DIR, "--graph", REGISTRY)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    n = local_counts(DATASET)[REGISTRY]
    assert lines[0].split() == ["sent", REGISTRY, str(n), "triples"]
    assert lines[-1].startswith(f"1 graph sent, {n} triples") and "HTTP Digest" in lines[-1]
    assert f"user '{USER}'" in lines[-1] and PASSWORD not in done.stdout + done.stderr


def test_only_changed_sends_nothing_the_store_holds(loaded: Virtuoso, tmp_path: Path) -> None:
    done = publish("--endpoint", loaded.graph_store, "--graph-dir", GRAPH_DIR, "--only-changed")
    assert done.returncode == 0, done.stderr
    assert [line.split()[0] for line in done.stdout.splitlines()[:-1]] == ["unchanged"] * 4
    assert done.stdout.splitlines()[-1].startswith("0 graphs sent, 0 triples")
    # one graph changed: only it, and the description that states its new checksum, are sent
    changed = changed_dataset(tmp_path, REGISTRY, b'<https://w3id.org/resdip/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n')
    done = publish("--endpoint", loaded.graph_store, "--graph-dir", changed, "--only-changed")
    assert done.returncode == 0, done.stderr
    verbs = dict(reversed(line.split()[:2]) for line in done.stdout.splitlines()[:-1])
    assert verbs[REGISTRY] == "sent" and verbs[VOID] == "sent"
    assert sorted(v for g, v in verbs.items() if g not in (REGISTRY, VOID)) == ["unchanged", "unchanged"]
    assert counts(loaded)[REGISTRY] == local_counts(DATASET)[REGISTRY] + 1
    # and back to the built dataset, so the other tests see it
    done = publish("--endpoint", loaded.graph_store, "--graph-dir", GRAPH_DIR, "--only-changed")
    assert done.returncode == 0 and counts(loaded) == local_counts(DATASET)


def changed_dataset(folder: Path, graph: str, extra: bytes, *, restate: bool = True) -> Path:
    """graph/dataset.trig with ``extra`` N-Triples added to ``graph`` (and its checksum restated)."""
    bodies = graph_bodies(DATASET)
    bodies[graph] = bodies[graph] + extra
    if restate:
        old = hashlib.sha256(graph_bodies(DATASET)[graph]).hexdigest()
        bodies[VOID] = bodies[VOID].replace(old.encode(), hashlib.sha256(bodies[graph]).hexdigest().encode())
    # the parser and writer, not a store: a store would keep xsd:nonNegativeInteger as xsd:integer
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name) if name else ox.DefaultGraph())
             for name, body in bodies.items() for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.trig").write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    return folder


def test_a_wrong_password_changes_nothing_and_is_not_shown(loaded: Virtuoso, tmp_path: Path) -> None:
    before = counts(loaded)
    changed = changed_dataset(tmp_path, REGISTRY, b'<https://w3id.org/resdip/id/y> <http://www.w3.org/2000/01/rdf-schema#label> "y" .\n')
    done = publish("--endpoint", loaded.graph_store, "--graph-dir", changed, password="not-the-password-42")
    assert done.returncode == 10
    assert done.stderr.count("\n") == 1 and "refused user" in done.stderr and "RESDIP_TEST_PASSWORD" in done.stderr
    assert "not-the-password-42" not in done.stdout + done.stderr
    assert counts(loaded) == before


def test_an_unreachable_store(tmp_path: Path) -> None:
    done = publish("--endpoint", f"http://127.0.0.1:{free_port()}/sparql-graph-crud-auth", "--graph-dir", GRAPH_DIR)
    assert done.returncode == 8 and done.stderr.startswith("resdip: cannot reach http://127.0.0.1:")
    assert done.stderr.count("\n") == 1 and PASSWORD not in done.stderr


def test_a_refused_graph_leaves_every_graph_as_it_was(loaded: Virtuoso, tmp_path: Path) -> None:
    """Virtuoso 7.2 cannot read an RDF 1.2 triple term: it answers 500 after it has replaced part of
    the graph. Staging keeps that from reaching the real graphs."""
    before = {g: fetch(loaded, g) for g in local_counts(DATASET)}
    star = b'<https://w3id.org/resdip/id/z> <https://w3id.org/resdip/ontology#says> <<( <https://w3id.org/resdip/id/a> <https://w3id.org/resdip/ontology#b> "c" )>> .\n'
    refused = changed_dataset(tmp_path, REGISTRY, star)
    done = publish("--endpoint", loaded.graph_store, "--graph-dir", refused)
    assert done.returncode == 11, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"resdip: the store refused graph {REGISTRY}: PUT ")
    assert "HTTP 500" in done.stderr
    assert {g: fetch(loaded, g) for g in local_counts(DATASET)} == before
    assert not [g for g in counts(loaded) if g.startswith("urn:resdip:staging:")]


def test_credentials_stay_out_of_the_command_line(virtuoso: Virtuoso) -> None:
    env = {**os.environ}
    done = subprocess.run([sys.executable, "-m", "resdip.cli", "publish", "--endpoint",
                           virtuoso.graph_store.replace("http://", f"http://{USER}:{PASSWORD}@"), "--graph-dir", str(GRAPH_DIR)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and "--password-env" in done.stderr and PASSWORD not in done.stderr
    env.pop("RESDIP_UNSET_VARIABLE", None)
    done = subprocess.run([sys.executable, "-m", "resdip.cli", "publish", "--endpoint", virtuoso.graph_store,
                           "--user", USER, "--password-env", "RESDIP_UNSET_VARIABLE", "--graph-dir", str(GRAPH_DIR)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and "RESDIP_UNSET_VARIABLE" in done.stderr and "not set" in done.stderr
    # no credentials at all: the store's 401 is explained
    done = subprocess.run([sys.executable, "-m", "resdip.cli", "publish", "--endpoint", virtuoso.graph_store,
                           "--graph-dir", str(GRAPH_DIR)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 10 and "asks for credentials" in done.stderr


def test_query_endpoint_answers_like_the_local_graph(loaded: Virtuoso) -> None:
    local = subprocess.run([sys.executable, "-m", "resdip.cli", "query", "queries/named-graphs.rq", "--format", "csv"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    remote = subprocess.run([sys.executable, "-m", "resdip.cli", "query", "queries/named-graphs.rq", "--format", "csv",
                             "--endpoint", loaded.sparql, "--dataset-graphs"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert local.returncode == 0 and remote.returncode == 0, remote.stderr
    assert Counter(local.stdout.splitlines()) == Counter(remote.stdout.splitlines())


def test_ask_is_a_boolean_though_virtuoso_answers_a_table(loaded: Virtuoso) -> None:
    """Virtuoso 7.2 answers ASK with a one-row table (``__ASK_RETVAL``); the command prints true / false."""
    for query, expected in (("ASK { ?s a <https://w3id.org/resdip/ontology#Country> }", "true"),
                            ("ASK { <https://w3id.org/resdip/id/no-such-thing> ?p ?o }", "false")):
        done = subprocess.run([sys.executable, "-m", "resdip.cli", "query", "--sparql", query, "--endpoint", loaded.sparql,
                               "--dataset-graphs"], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert (done.returncode, done.stdout) == (0, expected + "\n"), done.stderr
