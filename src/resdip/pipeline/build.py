"""The build: source documents in, ``graph/`` out.

Each document (a long one in parts, :mod:`resdip.pipeline.parts`) is read by one of the reading
processes, which loads, segments, recognises, extracts, emits its named graph, validates it
and writes it to a scratch folder as a sorted run (:mod:`resdip.pipeline.ingest`, :mod:`resdip.rdf.spool`).
This process then merges the runs into the dataset files, describes them (VoID) and draws the
views from the N-Quads file. Memory stays bounded by the largest part, not the corpus.
Nothing in the output folder changes until every stage has succeeded; then the outputs move
into place file by file (see :mod:`resdip.outputs`).
"""

from __future__ import annotations

import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from .. import __version__, paths
from ..rdf.checksums import checksum_of_file
from ..rdf.describe import LineCounter, describe_counts
from ..rdf.emit import ONTOLOGY_GRAPH, REGISTRY_GRAPH
from ..cache import Cache, files_fingerprint
from .ingest import Reader, Task, TaskResult, UnreadSentence, kept_of, result_from_kept
from ..outputs import check_writable, staged_outputs, work_folder
from .progress import Progress, document_done
from .parts import PART_CHARS, WHOLE_CHARS, part_bounds
from .records import file_sha256
from ..registry import Registry, load_registry
from ..rdf.registry_rdf import registry_graph
from .beside import Beside, run_beside
from ..rdf.checks import run_checks
from ..rdf.serialise import DATASET_NQ, VOID_GRAPH, write_graph_files, write_nquads
from ..text.sources import SourceMeta, load_sources, source_for
from ..rdf.spool import Run, by_graph, graph_lines, merge_runs, merged, run_graph, split_line, spooled, write_run
from ..text import read_text, resolve_layout
from ..text.formats import read_source
from ..rdf.validate import GraphValidator, Violation, load_turtle, raise_violations


@dataclass
class BuildReport:
    """What a build did: counts for the summary line, sentences left unread."""

    documents: int = 0
    sentences: int = 0
    facts: int = 0
    triples: int = 0
    entities: int = 0
    unread_count: int = 0
    naming_two: int = 0  # sentences naming two or more entities as such
    naming_two_unread: int = 0  # … of which no rule read a fact
    unread: list[tuple[str, UnreadSentence]] = field(default_factory=list)  # kept when asked (explain)
    warnings: list[str] = field(default_factory=list)
    reused: int = 0  # documents or parts taken from the cache, not read
    facts_by_document: dict[str, set[str]] = field(default_factory=dict)  # fact ids by source file


#: No cache: every document is read.
NO_CACHE = Cache(None)
#: Subfolders of the output folder that hold only what the build makes (stale files there go).
VIEW_FOLDERS = ("analysis", "exports", "pictures")


def _quiet(message: str) -> None:
    pass


def select_sources(files: list[str] | None) -> list[SourceMeta]:
    """The sources listed in ``sources/sources.json``, or metadata for the given files."""
    if not files:
        return load_sources()
    return [source_for(f) for f in files]


def plan_tasks(sources: list[SourceMeta], work: Path, progress: Progress) -> list[Task]:
    """One task per document; a document longer than ``WHOLE_CHARS`` characters gets one per part."""
    tasks: list[Task] = []
    for number, meta in enumerate(sources):
        sha256 = file_sha256_checked(meta.file)
        if meta.file.stat().st_size <= WHOLE_CHARS:  # no more characters than bytes
            tasks.append(Task(meta, sha256, work / f"{number:06d}.000000.nt"))
            continue
        loaded = read_source(meta.file)
        text = loaded.text
        bounds = part_bounds(text)
        layout = (loaded.layout or resolve_layout(text[: bounds[0][1]], meta.layout)) if len(bounds) > 1 else ""
        del text
        if len(bounds) > 1:
            progress(f"{meta.file.name}: {len(bounds)} parts of up to {PART_CHARS:,} characters")
        for part, (start, end) in enumerate(bounds):
            tasks.append(Task(meta, sha256, work / f"{number:06d}.{part:06d}.nt", part, len(bounds),
                              start, end if len(bounds) > 1 else None, layout))
    return tasks


def file_sha256_checked(path: Path) -> str:
    """The file's SHA-256, or the reader's one-line error for a file that cannot be read."""
    try:
        return file_sha256(path)
    except OSError:
        read_text(path)  # raises InputFileError naming the problem
        raise


def default_jobs() -> int:
    """Processes for reading documents: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_worker: Reader | None = None


def _start_worker(registry: Registry, validate: bool) -> None:
    global _worker
    _worker = _reader(registry, validate)


def _reader(registry: Registry, validate: bool) -> Reader:
    return Reader(registry, GraphValidator(registry_graph(registry)) if validate else None)


def _read_in_worker(task: Task) -> TaskResult:
    if _worker is None:
        raise RuntimeError("worker process started without a registry")
    return _worker.read(task)


def _label(task: Task) -> str:
    return task.meta.file.name + (f" (part {task.part + 1}/{task.parts})" if task.parts > 1 else "")


def task_key(cache: Cache, task: Task, validate: bool) -> str:
    """The cache key of a task: the document's bytes and metadata, the part, and what reading depends on."""
    return cache.key("run", cache.reading, task.sha256, asdict(task.meta), task.part, task.parts, task.start, task.end,
                     task.layout, validate)


def read_tasks(tasks: list[Task], registry: Registry, validate: bool, progress: Progress,
               jobs: int | None = None, cache: Cache = NO_CACHE,
               meanwhile: Callable[[], None] = lambda: None,
               unchecked: list[tuple[str, TaskResult]] | None = None) -> Iterator[TaskResult]:
    """Each task's result, in task order: from the cache when it holds the task's run, else read.

    Tasks to read are read by ``jobs`` processes (default: one per core; 1 = here); results come
    back in task order, so the outputs do not depend on ``jobs``. ``meanwhile()`` is called once the
    reading processes have their tasks (first, when reading here). A validated result is kept in
    the cache as soon as it is read, so an interrupted build keeps what it finished.

    With ``unchecked`` (a list), a lone task read in another process (one document to read, and
    cores to spare) is not validated there: its cache key and result are added to ``unchecked``,
    for the caller to validate (:func:`check_later`) while the dataset files and views are made.
    """
    keys = [task_key(cache, task, validate) for task in tasks]
    cached = [cache.has("runs", key) for key in keys]
    to_read = [task for task, hit in zip(tasks, cached) if not hit]
    later = (unchecked is not None and validate and len(to_read) == 1
             and (default_jobs() if jobs is None else jobs) > 1)
    fresh = _read(to_read, registry, validate and not later, progress, jobs, meanwhile)
    next(fresh)  # the reading processes get their tasks and this one does ``meanwhile``, before any result
    here: Reader | None = None  # for an entry found damaged
    for done, (task, key, hit) in enumerate(zip(tasks, keys, cached), start=1):
        kept = cache.get("runs", key, {"nt": task.run_path}) if hit else None
        if kept is not None:
            document_done(progress, done, len(tasks), f"reused {_label(task)} (unchanged)")
            yield result_from_kept(kept, task.run_path)
            continue
        if hit:  # damaged: read here, now
            here = here or _reader(registry, validate)
            result = here.read(task)
        else:
            result = next(fresh)  # type: ignore[assignment]
            if later and unchecked is not None:
                unchecked.append((key, result))
                document_done(progress, done, len(tasks), f"read {_label(task)}")
                yield result
                continue
        if not result.violations:
            cache.put("runs", key, {"nt": result.run.path}, kept_of(result))
        document_done(progress, done, len(tasks), f"read {_label(task)}")
        yield result


def _read(tasks: list[Task], registry: Registry, validate: bool, progress: Progress,
          jobs: int | None, meanwhile: Callable[[], None]) -> Iterator[TaskResult | None]:
    """None once reading has started and ``meanwhile()`` is done, then each task's result."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if not tasks or jobs == 1:
        meanwhile()
        yield None
    if not tasks:
        return
    workers = min(jobs, len(tasks))  # one document too is read in a process, while this one does ``meanwhile``
    if jobs == 1:
        reader = _reader(registry, validate)
        for task in tasks:
            progress(f"reading {_label(task)}")
            yield reader.read(task)
        return
    progress(f"reading {len(tasks)} {'document' if len(tasks) == 1 else 'documents or parts'} "
             f"in {workers} {'process' if workers == 1 else 'processes'}")
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                             initargs=(registry, validate)) as pool:
        try:
            results = pool.map(_read_in_worker, tasks)
            meanwhile()
            yield None
            yield from results
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def spool_dataset(sources: list[SourceMeta], registry: Registry, report: BuildReport, work: Path,
                  validate: bool, progress: Progress, jobs: int | None = None, explain: bool = True,
                  cache: Cache = NO_CACHE, describe: bool = True,
                  checks: list[Callable[[], None]] | None = None,
                  meanwhile: Callable[[], None] = lambda: None) -> list[Run]:
    """Every named graph of the dataset as one sorted run in ``work``, in graph order.

    Documents are read, emitted and validated by the reading processes (or taken from the cache);
    the registry and the ontology here. Raises ShapeViolations once every document has been read,
    with all violations. Without ``describe`` the description (VoID) is left out, for
    :func:`describe_dataset` to add. With ``checks`` (a list), a lone document read in another
    process may be validated later: the check is added to ``checks`` (it raises what this would
    have raised), for the caller to run before it moves anything into place. ``meanwhile()`` is
    called while the documents are read, after the registry's graph is made and checked.
    """
    violations: list[Violation] = []
    report_texts: list[str] = []
    unchecked: list[tuple[str, TaskResult]] = []
    validators: list[GraphValidator] = []  # the registry's, kept for a check made later
    runs: list[Run] = []
    entities: set[str] = set()
    facts: set[str] = set()
    mentions: dict[str, int] = {}
    tasks = plan_tasks(sources, work, progress)

    def while_reading() -> None:
        runs.extend(reference_runs(registry, work, validate, progress, cache, violations, report_texts, validators))
        meanwhile()

    for task, result in zip(tasks, read_tasks(tasks, registry, validate, progress, jobs, cache, while_reading,
                                              unchecked if checks is not None else None)):
        runs.append(result.run)
        report.reused += result.reused
        entities |= result.entities
        if result.doc_id not in mentions:
            report.documents += 1
        mentions[result.doc_id] = mentions.get(result.doc_id, 0) + result.mentions
        report.sentences += result.sentences
        facts |= result.facts
        report.facts_by_document.setdefault(str(task.meta.file), set()).update(result.facts)
        report.unread_count += len(result.unread)
        report.naming_two += result.naming_two
        report.naming_two_unread += sum(u.named >= 2 for u in result.unread)
        if explain:
            report.unread.extend((result.doc_id, u) for u in result.unread)
        report.warnings.extend(result.warnings)
        violations += result.violations
        report_texts.append(result.report_text)
    for meta in sources:
        if not mentions.get(meta.id):
            report.warnings.append(f"{meta.file}: no recognisable entity found")
    report.entities = len(entities) + len(registry.entities)
    report.facts = len(facts)
    if unchecked and checks is not None:
        checks.append(lambda: check_later(unchecked, registry, validators, violations, report_texts, progress, cache))
    else:
        validators.clear()  # its graphs are not needed again
    if validate and not unchecked:
        raise_violations(violations, "\n".join(t for t in report_texts if t))
    graphs = [merge_runs(group, work / f"{group[0].path.stem.split('.')[0]}.nt") for _, group in by_graph(runs)]
    return describe_dataset(graphs, sources, report, work, progress) if describe else graphs


def describe_dataset(graphs: list[Run], sources: list[SourceMeta], report: BuildReport, work: Path,
                     progress: Progress, union: Path | None = None) -> list[Run]:
    """``graphs`` (one run per graph, the description not among them) and their description
    (VoID), in graph order; ``report.triples`` counted. With ``union``, the merge of the graphs
    is written there as the description counts it (sorted N-Triples, each triple once)."""
    progress("describing the dataset (VoID)")
    void, report.triples = describe_runs(graphs, sources, union)
    return [run for _, (run,) in by_graph([*graphs, write_run(str(VOID_GRAPH), graph_lines(void), work / "void.nt")])]


def check_later(unchecked: list[tuple[str, TaskResult]], registry: Registry, validators: list[GraphValidator],
                violations: list[Violation], report_texts: list[str], progress: Progress, cache: Cache) -> None:
    """Validate documents read without it (each run read back into a graph), then raise
    ShapeViolations with every violation found, or keep their runs in the cache."""
    validator = validators[0] if validators else GraphValidator(registry_graph(registry))
    for _, result in unchecked:
        progress(f"validating {result.doc_id}")
        found, text = validator.check(run_graph(result.run.path), consume=True)
        violations += found
        report_texts.append(text)
    validators.clear()
    del validator
    raise_violations(violations, "\n".join(t for t in report_texts if t))
    for key, result in unchecked:
        cache.put("runs", key, {"nt": result.run.path}, kept_of(result))


def _reference_key(cache: Cache, validate: bool) -> str:
    return cache.key("registry and ontology", cache.reading, validate)


def reference_runs(registry: Registry, work: Path, validate: bool, progress: Progress, cache: Cache,
                   violations: list[Violation], report_texts: list[str],
                   validators: list[GraphValidator] | None = None) -> list[Run]:
    """The registry's and the ontology's graphs as runs in ``work``, the registry checked against
    the shapes (its violations added to ``violations``, the validator to ``validators``); from
    the cache when it holds them."""
    key = _reference_key(cache, validate)
    dest = {"registry": work / "registry.nt", "ontology": work / "ontology.nt"}
    kept = cache.get("runs", key, dest) if cache.has("runs", key) else None
    if kept is not None:
        return [Run(str(REGISTRY_GRAPH), dest["registry"], kept["registry"]),
                Run(str(ONTOLOGY_GRAPH), dest["ontology"], kept["ontology"])]
    registry_rdf = registry_graph(registry)
    found: list[Violation] = []
    if validate:
        progress("validating the registry against shapes.ttl")
        validator = GraphValidator(registry_rdf)
        found, text = validator.check_context()
        if validators is not None:
            validators.append(validator)
        violations += found
        report_texts.append(text)
    runs = [write_run(str(REGISTRY_GRAPH), graph_lines(registry_rdf), dest["registry"]),
            write_run(str(ONTOLOGY_GRAPH), graph_lines(load_turtle(paths.ONTOLOGY)), dest["ontology"])]
    if not found:
        cache.put("runs", key, dest, {"registry": runs[0].triples, "ontology": runs[1].triples})
    return runs


def describe_runs(graphs: list[Run], sources: list[SourceMeta], union: Path | None = None) -> tuple[Any, int]:
    """The VoID description of the graphs (one run each) and the number of triples in their merge
    (written to ``union`` as it is counted, if given)."""
    counter = LineCounter()
    lines = merged(run.path for run in graphs)
    if union is not None:
        lines = spooled(lines, union)
    for line in lines:
        counter.add(*split_line(line))
    counts = counter.result()
    sizes = {run.graph: run.triples for run in graphs}
    sums = {run.graph: checksum_of_file(run.path) for run in graphs}
    return describe_counts(counts, sizes, sources, __version__, checksums=sums), counts.triples


def build(files: list[str] | None = None, out_dir: Path = paths.GRAPH_DIR, *, validate: bool = True,
          progress: Progress = _quiet, jobs: int | None = None, explain: bool = True,
          cache: Cache = NO_CACHE) -> BuildReport:
    """Build the graph and everything made from it into ``out_dir``.

    ``jobs``: processes reading the documents (default: one per core; 1 = this process, and
    the views drawn after the dataset files rather than beside them). ``cache``: where runs and
    views made before are found and kept (:mod:`resdip.cache`; none by default); the outputs are
    the same with or without it. Nothing in ``out_dir`` changes unless every stage succeeds
    (see :mod:`resdip.outputs`).
    """
    report = BuildReport()
    check_writable(out_dir)
    sources = select_sources(files)
    registry = load_registry()
    # The views read only dataset.nq (and the ontology page only ontology.ttl): with a core to
    # spare they are drawn beside the other work.
    together = (default_jobs() if jobs is None else jobs) > 1
    with work_folder(out_dir) as work:
        ontology = work / "ontology.html"
        early = Beside(lambda: ontology_page(ontology, cache, progress)) if together else None
        try:
            checks: list[Callable[[], None]] = []  # a document still to validate
            graphs = spool_dataset(sources, registry, report, work, validate, progress, jobs, explain, cache,
                                   describe=False, checks=checks, meanwhile=prepare_views if together else _nothing)
            with staged_outputs(out_dir, owned=VIEW_FOLDERS) as stage:
                # The views skip the description: they start on the graphs while it is counted.
                described = work / "graphs.nq"
                progress(f"writing {DATASET_NQ}")
                write_nquads(graphs, described)

                def checked_files() -> None:  # a failed check stops the build before anything moves
                    for check in checks:
                        check()
                    checks.clear()  # and with it what the check held (the registry's validator)
                    union = work / "union.nt"
                    dataset = describe_dataset(graphs, sources, report, work, progress, union)
                    void = next(run for run in dataset if run.graph == str(VOID_GRAPH))
                    add_graphs(described, graphs, dataset, stage / DATASET_NQ)
                    if validate:
                        progress("running the checks (queries/*-violation.rq)")
                        run_checks(stage / DATASET_NQ)
                    write_graph_files(dataset, void, stage, work, progress, cache, union)

                run_beside(lambda: write_views(described, stage, progress, cache, jobs, early is None),
                           checked_files, together)
                if early is not None:
                    early.join()
                    os.replace(ontology, stage / "ontology.html")
        finally:
            if early is not None:
                early.stop()  # when something failed before it was joined
    cache.settle()
    cache.prune("runs")  # what this build did not use: runs of documents gone or changed
    return report


def _nothing() -> None:
    pass


def prepare_views() -> None:
    """What the views need before their data: their modules and the pictures' font, read while the
    documents are read, so the forked process that draws the views has them (0.2 s)."""
    from ..views import analysis, exports, layout, page, pictures, projection  # noqa: F401
    from ..views.glyphs import default_font

    default_font()


def add_graphs(nquads: Path, graphs: list[Run], dataset: list[Run], path: Path) -> None:
    """The N-Quads of ``dataset`` (runs in graph order) at ``path``, given ``nquads``, those of
    ``graphs``: a copy with the other graphs' lines added when ``graphs`` come first in
    ``dataset`` (the description's IRI, ``…/graph/void``, sorts after the others), else anew."""
    if [run.graph for run in dataset[:len(graphs)]] == [run.graph for run in graphs]:
        shutil.copyfile(nquads, path)
        write_nquads(dataset[len(graphs):], path, append=True)
    else:
        write_nquads(dataset, path)


def write_views(dataset: Any, stage: Path, progress: Progress, cache: Cache = NO_CACHE, jobs: int | None = None,
                ontology: bool = True) -> None:
    """The page, exports, pictures, analysis and (with ``ontology``) the ontology documentation.

    ``dataset``: anything :func:`resdip.views.projection.index` reads (the build passes the path of
    the N-Quads file it has just written). Pictures and the ontology page found in ``cache`` are
    copied from it; the other pictures are drawn in ``jobs`` processes (default: one per core).
    """
    from ..views.analysis import write_analysis
    from ..views.exports import write_exports
    from ..views.layout import layout
    from ..views.page import render_page
    from ..views.pictures import LARGE, write_pictures
    from ..views.projection import attributions, fact_quotes, index, labels, project, quotes

    key = ontology_page(stage / "ontology.html", cache, progress) if ontology else ontology_key(cache)
    store = index(dataset)  # the dataset read once for the projection, quotes and labels
    network = project(store)
    positions = layout(network)  # one layout for the page and the network picture
    progress("drawing the network page")
    render_page(network, quotes(store), stage / "network.html", aliases=labels(store), positions=positions,
                fact_quotes=fact_quotes(store), attribution=" / ".join(attributions(store)))
    write_exports(network, stage / "exports")
    # A large network's views hold the whole dataset's index: forked drawing processes would each be
    # counted with all of it; its pictures (a dozen at most) are drawn here, one after the other.
    drawers = (default_jobs() if jobs is None else jobs) if network.number_of_nodes() < LARGE else 1
    write_pictures(network, stage / "pictures", positions, cache, drawers, progress)
    write_analysis(network, stage / "analysis")
    cache.prune("views", also=[key])  # the ontology page's, when another process made it


def ontology_page(path: Path, cache: Cache, progress: Progress = _quiet) -> str:
    """``ontology.html``, from the cache unless ``ontology.ttl`` (or the code) changed; its cache key."""
    from ..views.ontodoc import write_ontology_doc

    key = ontology_key(cache)
    if cache.has("views", key) and cache.get("views", key, {"html": path}) is not None:
        progress("ontology page unchanged (from the cache)")
    else:
        progress("writing the ontology page")
        write_ontology_doc(paths.ONTOLOGY, path)
        cache.put("views", key, {"html": path})
    return key


def ontology_key(cache: Cache) -> str:
    return cache.key("ontology page", files_fingerprint(paths.ONTOLOGY))


def stderr_progress(message: str) -> None:
    print(f"resdip: {message}", file=sys.stderr, flush=True)
