"""``resdip serve [--port 7878] [--host 127.0.0.1] [--graph-dir DIR] [--writable]``.

Loads ``graph/dataset.trig`` into a persistent Oxigraph store in a temporary folder (named graphs
kept; the default graph holds their merge, as in ``resdip query``) and runs the Oxigraph server on
it: SPARQL 1.1 Protocol at ``/query``, Graph Store Protocol at ``/store``, a query page at ``/``.
Read-only unless ``--writable``. Ctrl-C stops the server and removes the folder.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..errors import EndpointError
from ..rdf.store import add_union_default_graph, dataset_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=7878, help="TCP port (default 7878)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--graph-dir", type=Path, default=paths.GRAPH_DIR, metavar="DIR",
                        help="folder holding dataset.trig (default: graph/)")
    parser.add_argument("--writable", action="store_true",
                        help="accept SPARQL Update and Graph Store writes (default: read-only)")


def load_location(dataset: Path, location: Path) -> None:
    """Fill an on-disk Oxigraph store at ``location`` with the dataset and its union default graph."""
    store = ox.Store(str(location))
    try:
        store.bulk_load(path=str(dataset), format=ox.RdfFormat.TRIG)
    except SyntaxError as exc:
        raise EndpointError(f"{dataset}: {exc}") from None
    add_union_default_graph(store)
    store.flush()
    del store


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    signal.signal(signal.SIGTERM, _interrupt)  # stop cleanly on SIGTERM too
    dataset = dataset_path(args.graph_dir)
    binary = find_oxigraph()
    if not 0 < args.port < 65536:
        raise EndpointError(f"port {args.port} is not a TCP port")
    if not port_free(args.host, args.port):
        raise EndpointError(f"cannot serve on {args.host}:{args.port}: the port is in use")
    tmp = Path(tempfile.mkdtemp(prefix="resdip-serve-"))
    try:
        load_location(dataset, tmp / "store")
        command = "serve" if args.writable else "serve-read-only"
        bind = f"{args.host}:{args.port}"
        log = tmp / "oxigraph.log"  # a file, not a pipe: a chatty server never blocks on it
        with log.open("wb") as sink:
            server = subprocess.Popen([binary, command, "--location", str(tmp / "store"), "--bind", bind],
                                      stdout=sink, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        return _supervise(server, args, bind, log)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _supervise(server: subprocess.Popen[bytes], args: argparse.Namespace, bind: str, log: Path) -> int:
    try:
        if not wait_for_port(args.host, args.port, server):
            message = log.read_text(encoding="utf-8", errors="replace")
            detail = " ".join(message.split())[-200:] or f"exit status {server.returncode}"
            raise EndpointError(f"oxigraph could not serve on {bind}: {detail}")
        base = f"http://{_url_host(args.host)}:{args.port}"
        mode = "read-write" if args.writable else "read-only"
        print(f"SPARQL endpoint ({mode}): {base}/query", flush=True)
        print(f"Query page: {base}/", flush=True)
        if args.writable:
            print(f"Graph Store: {base}/store   Update: {base}/update", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        code = server.wait()
        if code != 0:
            raise EndpointError(f"oxigraph stopped with exit status {code}")
        return 0
    except KeyboardInterrupt:
        _stop(server)
        return 0
    finally:
        if server.poll() is None:
            _stop(server)


def _die_with_parent() -> None:
    """In the child, on Linux: get SIGTERM if resdip itself is killed (no orphaned server)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:
            pass


def _stop(server: subprocess.Popen[bytes]) -> None:
    """SIGINT, then SIGTERM, then SIGKILL, a few seconds apart."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        if server.poll() is not None:
            return
        server.send_signal(sig)
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
        except KeyboardInterrupt:
            continue


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def find_oxigraph() -> str:
    """The ``oxigraph`` server binary: next to the running Python first, then on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise EndpointError("the oxigraph server binary was not found: pip install oxigraph")


def port_free(host: str, port: int) -> bool:
    """True when nothing listens on host:port and it can be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def wait_for_port(host: str, port: int, process: subprocess.Popen[bytes], timeout: float = 30.0) -> bool:
    """Wait until host:port accepts connections; False if ``process`` exits first or time runs out."""
    target = "127.0.0.1" if host in ("0.0.0.0", "") else host
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection((target, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.02)
    return False
