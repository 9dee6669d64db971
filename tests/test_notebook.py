"""docs/examples/explore.ipynb runs from top to bottom with no error and no network access.

The notebook runs once, in a real IPython kernel started by nbclient. Before its own cells, the
test puts in a cell (not saved anywhere) that makes any connection away from this machine raise
inside the kernel, and that tells the kernel's process id, so the test can see the kernel is gone
after the run. The answers checked are those of the source text (see tests/test_api.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from resdip import paths

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "examples" / "explore.ipynb"

OFFLINE = '''\
import os, sys

def _offline(event, args):
    """Refuse every connection or name lookup that leaves this machine."""
    if event == "socket.connect" and isinstance(args[1], tuple):
        host = str(args[1][0])
    elif event == "socket.getaddrinfo":
        host = str(args[0])
    else:
        return
    if not (host in ("localhost", "::1", "None") or host.startswith("127.")):
        raise OSError(f"network access from the notebook: {event} {host}")

sys.addaudithook(_offline)
print(os.getpid())
'''

if not (paths.GRAPH_DIR / "dataset.trig").is_file():
    pytest.skip("graph/dataset.trig not built yet (python build_graph.py)", allow_module_level=True)


def _text(cell: nbformat.NotebookNode) -> str:
    """Everything a cell showed: printed text, and the plain and HTML forms of its results."""
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts += [data.get("text/plain", ""), data.get("text/html", "")]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    home = tmp_path_factory.mktemp("jupyter")
    saved = {k: os.environ.get(k) for k in ("IPYTHONDIR", "JUPYTER_RUNTIME_DIR", "MPLCONFIGDIR")}
    os.environ.update(IPYTHONDIR=str(home / "ipython"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
                      MPLCONFIGDIR=str(home / "matplotlib"))
    try:
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        notebook.cells.insert(0, nbformat.v4.new_code_cell(OFFLINE))
        client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()  # raises CellExecutionError on the first cell that fails
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return notebook


def test_the_notebook_is_saved_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in notebook.cells if c.cell_type == "code")


def test_every_cell_ran_and_the_kernel_is_gone(executed: nbformat.NotebookNode) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    pid = int(code[0].outputs[0].text.strip())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_the_visits_table(executed: nbformat.NotebookNode) -> None:
    cell = next(c for c in executed.cells if 'kg.query_df("minister-visits")' in c.source)
    shown = _text(cell)
    assert "datetime64" in shown and "{'date': 'month'}" in shown
    for visitor, place, date in (("齋藤健", "チリ", "2024-06-01"), ("武藤容治", "サウジアラビア", "2025-01-01"),
                                 ("武藤容治", "アラブ首長国連邦", "2025-01-01")):
        assert visitor in shown and place in shown and date in shown


def test_the_budget_chart(executed: nbformat.NotebookNode) -> None:
    """Source lines 447–926: 2024年度当初 1,082+38+51+14+20+263+87+15 = 1,570億円; 産投 798+50 = 848億円;
    補正 150+922+7.8+41 = 1,120.8億円 (the 1,597億円 with guaranteed borrowing left out); 2022年度補正
    1,058+253 = 1,311億円 (the 1,250億円 の内数 left out)."""
    cell = next(c for c in executed.cells if "budgets-by-measure" in c.source)
    assert any("image/png" in o.get("data", {}) for o in cell.outputs)
    table = next(o.data["text/plain"] for o in cell.outputs if "text/plain" in o.get("data", {}) and "kind" in o.data["text/plain"])
    rows = {line.split()[0]: [float(x) for x in line.split()[1:]] for line in table.splitlines()[2:]}
    assert table.split()[1:4] == ["FiscalInvestmentAndLoan", "InitialBudget", "SupplementaryBudget"]
    assert rows == {"2022": [0.0, 0.0, 1311.0], "2024": [848.0, 1570.0, 1120.8]}


def test_the_country_centrality(executed: nbformat.NotebookNode) -> None:
    cell = next(c for c in executed.cells if "betweenness_centrality" in c.source)
    table = next(o.data["text/plain"] for o in cell.outputs if "text/plain" in o.get("data", {}))
    first = table.splitlines()[1].split()
    assert first[1:3] == ["country-jp", "日本"]  # 日本 is tied to most: every measure is Japan's


def test_chile_shown_inline(executed: nbformat.NotebookNode) -> None:
    cell = next(c for c in executed.cells if "kg.show(" in c.source)
    html = cell.outputs[0].data["text/html"]
    assert html.count("<iframe srcdoc=") == 1 and "focus=country-cl" in html and "height:550px" in html
