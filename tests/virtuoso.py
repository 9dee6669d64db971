"""A real Virtuoso Open Source (Debian's ``virtuoso-opensource``) on a scratch database, for the tests.

:func:`start` writes a ``virtuoso.ini`` whose database, log and lock files all live in one scratch
folder, on two free ports (SQL and HTTP), starts ``virtuoso-t +foreground`` in a process group of
its own, waits until its log says the HTTP and SQL servers are online and the HTTP port answers
(never a guessed time), and creates a user who may write (role ``SPARQL_UPDATE``), so the tests load
the dataset through the authenticated Graph Store endpoint ``/sparql-graph-crud-auth`` (HTTP Digest).
:meth:`Virtuoso.stop` ends the whole process group, with SIGKILL if SIGTERM is not enough.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 180  # a fresh database on a busy machine
USER = "resdip_publisher"
PASSWORD = "publisher-secret-7f3a"  # a scratch database's, used nowhere else

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 1
DirsAllowed = ., {dir}
VADInstallDir = {dir}/vad

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/www
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 300
"""

#: Run as dba once the server is up: a user who may write through the Graph Store endpoints.
SETUP = f"""
DB.DBA.USER_CREATE ('{USER}', '{PASSWORD}');
GRANT SPARQL_UPDATE TO "{USER}";
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def binaries() -> tuple[str, str] | None:
    server, client = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, client) if server and client else None


@dataclass
class Virtuoso:
    process: subprocess.Popen[bytes]
    folder: Path
    http_port: int
    sql_port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def graph_store(self) -> str:
        """The Graph Store endpoint that asks for HTTP Digest authentication."""
        return f"{self.base}/sparql-graph-crud-auth"

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"

    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def sql(self, statements: str) -> str:
        """Run SQL as dba (the scratch database's default password) through isql-vt's stdin."""
        found = binaries()
        assert found is not None
        done = subprocess.run([found[1], f"127.0.0.1:{self.sql_port}", "dba", "dba"], input=statements,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "*** Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        return done.stdout

    def stop(self) -> None:
        """End the server's process group: SIGTERM (it checkpoints and exits), then SIGKILL."""
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        except ProcessLookupError:
            self.process.wait(timeout=30)


def start(folder: Path) -> Virtuoso:
    """Start a Virtuoso on a scratch database in ``folder``; the caller must :meth:`Virtuoso.stop` it."""
    found = binaries()
    assert found is not None, "virtuoso-t / isql-vt not found: run sh tests/install-tools.sh"
    for name in ("vad", "www"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    while sql_port == http_port:
        sql_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(dir=folder, http_port=http_port, sql_port=sql_port), encoding="utf-8")
    with open(folder / "stdout.log", "wb") as out:
        process = subprocess.Popen([found[0], "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Virtuoso(process, folder, http_port, sql_port)
    try:
        wait_until_online(server)
        server.sql(SETUP)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_online(server: Virtuoso) -> None:
    """Until the log says both servers are online and the HTTP port accepts a connection."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        log = server.log()
        if "Server online at" in log and "HTTP server online at" in log:
            try:
                socket.create_connection(("127.0.0.1", server.http_port), timeout=1).close()
                return
            except OSError:
                pass
        if server.process.poll() is not None:
            raise AssertionError(f"virtuoso-t exited with {server.process.returncode}: {log[-2000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"virtuoso-t not online after {START_TIMEOUT_S} s: {log[-2000:]}")
        time.sleep(0.05)
