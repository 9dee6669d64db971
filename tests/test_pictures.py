"""Pictures: files, Japanese glyphs from the bundled IPAex font, the same marks in SVG and PNG, determinism."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from PIL import Image

from resdip.errors import OutputError
from resdip.views.glyphs import Font
from resdip.views.pictures import CLASS_COLOURS, DPI, country_drawing, font_path, write_pictures
from resdip.views.scene import POINTS_PER_INCH, scene
from resdip.views.analysis import simple_graph
from resdip.views.projection import project

FIXTURE = Path(__file__).parent / "fixtures" / "projection" / "mini.trig"
COUNTRIES = ["ae", "au", "ca", "cl", "co", "id", "jp", "sa", "us", "vn", "za"]  # all linked
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return project(FIXTURE)


@pytest.fixture(scope="module")
def out(graph: nx.MultiDiGraph, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pictures")
    write_pictures(graph, folder)
    return folder


def test_network_and_one_picture_per_country(out: Path) -> None:
    stems = ["network"] + [f"country-{iso}" for iso in COUNTRIES]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{s}.{x}" for s in stems for x in ("png", "svg"))
    for png in out.glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unlinked_countries_get_no_picture(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    lonely = graph.copy()
    lonely.add_node("country-no", cls="Country", iso="NO", label_ja="ノルウェー")
    write_pictures(lonely, tmp_path)
    assert not (tmp_path / "country-no.png").exists() and (tmp_path / "country-cl.png").exists()


def test_font_is_the_bundled_ipaex_gothic(out: Path) -> None:
    path = font_path()
    assert path.name == "ipaexg.ttf" and "japanize_matplotlib" in str(path)
    font = Font()
    root = ET.parse(out / "country-cl.svg").getroot()
    outlines = {p.get("id"): p.get("d") for p in root.iter(f"{SVG}path") if p.get("id")}
    glyph = font.glyph("チ")  # in the title, チリ (country-cl)
    assert glyph != ".notdef" and font.outline(glyph) in outlines.values()


def test_svg_text_is_drawn_as_paths_without_metadata_dates(graph: nx.MultiDiGraph, out: Path) -> None:
    root = ET.parse(out / "country-cl.svg").getroot()
    assert not list(root.iter(f"{SVG}text"))  # glyphs are paths: no font needed to view
    text = (out / "country-cl.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in text and "<metadata" not in text
    drawing = country_drawing(graph, "country-cl")
    said = [g.get("aria-label") for g in root.iter(f"{SVG}g") if g.get("aria-label") is not None]
    assert said[0] == drawing.title and root.find(f"{SVG}title").text == drawing.title
    assert sorted(said[1:1 + len(drawing.labels)]) == sorted(label[2] for label in drawing.labels)
    placed = [g for g in root.iter(f"{SVG}g") if g.get("aria-label") is not None]
    for group in placed:  # one glyph placed for each character that has ink
        assert len(list(group.iter(f"{SVG}use"))) == sum(1 for c in group.get("aria-label") if not c.isspace())


def test_svg_and_png_draw_the_markers_in_the_same_places(graph: nx.MultiDiGraph, out: Path) -> None:
    drawing = country_drawing(graph, "country-cl")
    centre = scene(drawing, Font()).discs[drawing.markers.index(max(drawing.markers, key=lambda m: m[2]))]
    root = ET.parse(out / "country-cl.svg").getroot()
    circles = {(float(c.get("cx")), float(c.get("cy"))): c.get("fill") for c in root.iter(f"{SVG}circle")}
    assert circles[(round(centre.x, 2), round(centre.y, 2))] == CLASS_COLOURS["Country"] == centre.colour
    image = Image.open(out / "country-cl.png")
    assert image.size == (round(drawing.size[0] * DPI), round(drawing.size[1] * DPI)) and image.mode == "P"
    image = image.convert("RGB")
    scale = DPI / POINTS_PER_INCH
    pixel = image.getpixel((round(centre.x * scale), round(centre.y * scale)))
    assert "#%02x%02x%02x" % pixel == CLASS_COLOURS["Country"]
    assert image.getpixel((2, 2)) == (255, 255, 255)


def test_pictures_are_byte_identical_across_runs(graph: nx.MultiDiGraph, out: Path, tmp_path: Path) -> None:
    write_pictures(project(FIXTURE), tmp_path)
    for name in ("network.svg", "network.png", "country-cl.svg", "country-cl.png"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_unwritable_output_folder(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        write_pictures(graph, tmp_path / "file" / "pictures")


def test_pictures_drawn_in_processes_are_the_same_bytes(graph: nx.MultiDiGraph, out: Path, tmp_path: Path) -> None:
    write_pictures(graph, tmp_path, jobs=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in out.iterdir())
    for path in out.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_cache_gives_back_only_the_pictures_whose_drawing_changed(graph: nx.MultiDiGraph, out: Path,
                                                                     tmp_path: Path) -> None:
    from resdip.cache import Cache

    cache = Cache(tmp_path / "cache")
    said: list[str] = []
    write_pictures(graph, tmp_path / "first", cache=cache, progress=said.append)
    changed = graph.copy()
    changed.nodes["country-cl"]["label_ja"] = "チリ共和国"  # drawn in the network's picture, Chile's, its neighbours'
    showing = {"network", "country-cl"} | {f"country-{graph.nodes[n]['iso'].lower()}"
                                           for n in simple_graph(graph)["country-cl"] if n.startswith("country-")}
    again = Cache(tmp_path / "cache")
    write_pictures(changed, tmp_path / "second", cache=again, progress=said.append)
    total = len(COUNTRIES) + 1
    assert said[0] == f"drawing {total} of {total} pictures"
    assert said[1].startswith(f"drawing {len(showing)} of {total} pictures ({total - len(showing)} unchanged")
    for path in out.iterdir():  # the others are the very bytes drawn before, from the cache
        same = (tmp_path / "second" / path.name).read_bytes() == path.read_bytes()
        assert same is (path.name.split(".")[0] not in showing), path.name
