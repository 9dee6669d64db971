"""A document's date, title and issuing body, read from its own header.

A press release given with no metadata file still says when, what and who on
its first lines: the dateline (「2024年6月14日」, 「令和6年6月14日」, 「2024.11.15」),
the headline, the issuing body (経済産業省, 外務省, JOGMEC…) or, failing that, the
office of its closing contact block (担当: 資源エネルギー庁 …). The forms are data
(``patterns/header.json``); a web page's markup fills in what its text leaves out
(:func:`page_header`); a metadata file, when given, still wins (:func:`complete_meta`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from ..patterns import compile_regex, load_patterns
from ..registry import Registry
from .sources import SourceMeta

SCAN_CHARS = 4000  # the header and the contact block lie within the first/last lines


@dataclass(frozen=True)
class Header:
    date: str = ""  # ISO date of the dateline
    title: str = ""
    publisher: str = ""  # registry id


@lru_cache(maxsize=1)
def spec() -> dict:
    data = dict(load_patterns("header"))
    data["_datelines"] = [compile_regex("patterns/header.json:datelines", r) for r in data["datelines"]]
    return data


def _lines(text: str) -> list[str]:
    return [unicodedata.normalize("NFKC", line).strip() for line in text.splitlines() if line.strip()]


def dateline(line: str) -> str:
    """The ISO date a whole line states, or ""."""
    data = spec()
    if any(word in line for word in data["not_dateline_words"]):
        return ""
    for regex in data["_datelines"]:
        m = regex.match(line)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["y"]) if g.get("y") else data["eras"][g["era"]] + (1 if g["ey"] == "元" else int(g["ey"]))
        month, day = int(g["m"]), int(g["d"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _body(line: str, registry: Registry) -> str:
    """The registry id of the organisation a whole line (or its first word) names."""
    data = spec()
    bare = re.sub(r"\([^()]*\)$", "", line).strip()  # 「…機構(JOGMEC)」
    for candidate in (line, bare, re.split(r"\s+", line)[0]):
        for prefix in [""] + data["publisher_strip"]:
            name = candidate[len(prefix):] if prefix and candidate.startswith(prefix) else candidate
            if prefix and name == candidate:
                continue
            found = [e for e in registry.by_alias(name) if e.cls in data["publisher_classes"]]
            if found:
                return found[0].id
    return ""


def _contact_line(line: str) -> bool:
    """「問合せ先：金属資源開発本部…」, 「広報担当：総務部…」: a short label ending in a contact marker, then a colon."""
    label, colon, _ = unicodedata.normalize("NFKC", line).partition(":")
    return bool(colon) and len(label) <= 12 and label.strip().endswith(tuple(spec()["contact_markers"]))


def opens_contact_block(line: str) -> bool:
    """Whether a line opens the closing contact block (担当, 問い合わせ先, 「（担当）」,
    「（本発表資料のお問合せ先）」…): what follows is no prose."""
    text = unicodedata.normalize("NFKC", line).strip().strip(spec()["contact_brackets"])
    return any(text.startswith(marker) and len(text) <= len(marker) + 12 for marker in spec()["contact_markers"]) or (
        any(text.endswith(marker) for marker in spec()["contact_markers"]) and len(text) <= 16)


def _contact_office(line: str, registry: Registry) -> str:
    """The issuing body a contact block's office line names. An office that is part of a ministry
    (資源エネルギー庁, part of 経済産業省) answers for a release the ministry publishes."""
    data = spec()
    found = _body(line, registry)
    entry = registry.get(found) if found else None
    if entry is not None and entry.cls in data["contact_office_parent_classes"]:
        parent = registry.get(next(iter(entry.refs("part_of")), ""))
        if parent is not None and parent.cls in data["contact_office_parent_classes"]:
            return parent.id
    return found


def _closing_date(tail: list[str]) -> str:
    """A release dated only at its end: 「公表日」 and the date on the next line, or on the same one."""
    labels = spec()["closing_date_labels"]
    for i, line in enumerate(tail):
        bare = line.rstrip(":：").strip()
        if bare in labels and i + 1 < len(tail) and dateline(tail[i + 1]):
            return dateline(tail[i + 1])
        if any(line.startswith(label) for label in labels) and dateline(line):
            return dateline(line)
    return ""


def _is_label(line: str) -> bool:
    """A label line (報道発表), maybe with the release's number (報道発表/2024-41)."""
    data = spec()
    return any(line.startswith(label) and re.match(data["label_numbering"], line[len(label):])
               for label in data["labels"]) or (
        len(line) <= data["title_min_chars"] * 2 and line.endswith(tuple(data.get("label_suffixes", ()))))


def _section(line: str, registry: Registry, crumbs: list[str]) -> bool:
    """「セルビア共和国」 alone above a headline: the site's section (a country's page, or the last step of its
    breadcrumb), not the title."""
    short = len(line) <= spec()["title_min_chars"] * 2  # a page's own title at the end of the breadcrumb is longer
    return (short and line in crumbs[-1:]) or any(e.cls in spec().get("section_classes", ()) for e in registry.by_alias(line))


def _credited(text: str, registry: Registry) -> str:
    """The body a photo credit of the page names (「（写真提供：外務省）」), if it may publish."""
    pattern = spec().get("credit_regex")
    for line in _lines(text[:SCAN_CHARS]) if pattern else ():
        for m in re.finditer(pattern, line):
            body = _body(m.group("body"), registry)
            if body:
                return body
    return ""


def _site_chrome(lines: list[str]) -> list[str]:
    """The lines with the site's own words left out: its tools (文字サイズ変更: 'chrome_lines'), the carrier of a
    mirrored release (提供元:PRTIMES), a numbered navigation list that opens with the home page (「1. ホーム」,
    「2. ニュースリリース」…: 'navigation_start'), an archive's year and a page's tag lines ('chrome_regexes':
    「2026年度」, 「• 地域: アジア」)."""
    data = spec()
    kept, navigation = [], False
    for line in lines:
        numbered = re.match(data["navigation_item"], line)
        navigation = bool(numbered) and (navigation or line[numbered.end():].strip() in data["navigation_start"])
        if (navigation or line in data["chrome_lines"] or line.startswith(tuple(data["carrier_labels"]))
                or any(re.match(pattern, line) for pattern in data.get("chrome_regexes", ()))):
            continue
        kept.append(line)
    return kept


def read_header(text: str, registry: Registry) -> Header:
    data = spec()
    head = _site_chrome(_lines(text[:SCAN_CHARS]))[: data["header_lines"]]
    date = title = publisher = ""
    crumbs: list[str] = []  # the steps of the site's breadcrumb
    sections: list[str] = []  # lines that name the site's section: the title only if nothing else is
    for line in head:
        if not date and dateline(line):
            date = dateline(line)
            continue
        if sum(line.count(mark) for mark in data["breadcrumb_separators"]) >= 2:
            crumbs = [step.strip() for step in re.split("|".join(map(re.escape, data["breadcrumb_separators"])), line)]
            continue  # the site's breadcrumb (ホーム > …)
        if _section(line, registry, crumbs):
            sections.append(line)
            continue
        if (_is_label(line) or _posts_only(line) or re.search(data["update_stamp"], line)
                or _contact_line(line)):
            continue  # a label (報道発表), an update stamp (【…更新】), a contact line (問合せ先：…, 広報担当：…)
        body = _body(line, registry)
        if body:
            publisher = publisher or body
            continue
        if re.match(data["body_line_regex"], line):
            continue  # 「北洋エナジー開発株式会社」: a joint release's other issuer, not its headline
        if (not title and len(line) >= data["title_min_chars"] and not line.endswith(data["sentence_end"])
                and not dateline(line) and re.search(data["title_script"], line)):
            title = line  # not 「[27/01/21]」, a mirror site's stamp: a headline is written in Japanese
    title = title or next(iter(sections), "")
    tail = _lines(text[-SCAN_CHARS:])
    if not date:
        date = _closing_date(tail)
    if not publisher:
        for i, line in enumerate(tail[:-1]):
            if opens_contact_block(line) or any(line.startswith(marker) for marker in data["contact_markers"]):
                publisher = (_contact_office(tail[i + 1], registry)
                             or _contact_office(line.split(":")[-1].strip(), registry))
                if publisher:
                    break
    if not publisher and tail:
        publisher = _body(tail[-1], registry)  # 「外務省」 alone on the last line: the release's sign-off
    if not publisher:
        publisher = _credited(text, registry)  # 「（写真提供：外務省）」
    if not publisher and title:
        publisher = _body_of_post_in(title, registry)  # 「生駒外務副大臣のボリビア訪問」: the minister's ministry
    if not publisher and date:
        publisher = _lead_subject(text, registry)
    readout = data.get("talks_readout")
    if not publisher and readout and re.match(readout["headline_regex"], title):
        publisher = readout["publisher"]  # 「日・X首脳会談」 told by no one named: the foreign ministry's readout
    return Header(date, title, publisher)


def _posts_only(line: str) -> bool:
    """「外務副大臣・外務大臣政務官」: a line that only names posts (the site's section of a ministry's officers);
    「高市総理大臣」: one that only names one officer, by family name and post (the section of that officer's talks)."""
    suffixes = tuple(spec().get("post_line_suffixes", ()))
    parts = line.split("・")
    if len(parts) == 1:
        return (bool(suffixes) and line.endswith(suffixes) and len(line) <= spec()["officer_line_max_chars"]
                and not re.search("[ぁ-ゖ]", line))
    return bool(suffixes) and all(p.endswith(suffixes) and len(p) <= 12 for p in parts)


def _body_of_post_in(title: str, registry: Registry) -> str:
    """The body whose post the headline names (「生駒外務副大臣の…訪問」: 外務副大臣 is a post in 外務省), where the
    release names no issuing body: the longest post label the headline holds, if its body may publish."""
    data = spec()
    posts = sorted((e for e in registry.of_class("Post") if e.extra.get("post_in")
                    and unicodedata.normalize("NFKC", e.label_ja) in title),
                   key=lambda e: -len(e.label_ja))
    for post in posts:
        body = registry.get(post.extra["post_in"])
        if body is not None and body.cls in data["publisher_classes"]:
            return body.id
    return ""


def _lead_subject(text: str, registry: Registry) -> str:
    """A release that names no issuing body in its header speaks of itself in its lead:
    「1．株式会社国際協力銀行（JBIC）は、15日、…」. The organisation that is the first sentence's topic, or the body
    of the post of the person who is (「本12日、…、茂木敏充外務大臣は、…」: 外務大臣 is a post in 外務省)."""
    data = spec()
    for line in _lines(text[:SCAN_CHARS]):
        if not line.endswith(data["sentence_end"]) and "。" not in line:
            continue
        m = re.search(data["lead_subject"], line)
        return (_body(m.group("name"), registry) or _body_of_post_in(m.group("name"), registry)) if m else ""
    return ""


def page_header(page: dict[str, str], registry: Registry) -> Header:
    """What a web page says of itself (:mod:`resdip.text.webpage`) as a header: its date (an ISO
    date or a dateline), its title, and the site's name as the issuing body."""
    raw_date = unicodedata.normalize("NFKC", page.get("date", "")).strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", raw_date)
    date = f"{iso[1]}-{iso[2]}-{iso[3]}" if iso else dateline(raw_date)
    site = unicodedata.normalize("NFKC", page.get("site", "")).strip()
    return Header(date, page.get("title", ""), _body(site, registry) if site else "")


def complete_meta(meta: SourceMeta, text: str, registry: Registry,
                  page: dict[str, str] | None = None) -> tuple[SourceMeta, Header]:
    """The metadata with what the text's own header says filled in where the metadata is silent."""
    header = read_header(text, registry)
    if page:  # a web page: what its text does not say, its markup may
        own = page_header(page, registry)
        header = Header(header.date or own.date, own.title or header.title, header.publisher or own.publisher)
    changes: dict[str, str] = {}
    if not meta.date and not meta.issued and header.date:
        changes.update(date=header.date, issued=header.date)
    if meta.title_ja == meta.file.name and header.title:
        changes.update(title_ja=header.title, title_en="")
    if not meta.publisher and header.publisher:
        changes["publisher"] = header.publisher
    if page and not meta.url and page.get("url"):
        changes["url"] = page["url"]
    publisher = registry.entities.get(changes.get("publisher", meta.publisher))
    if not meta.voice and publisher is not None and publisher.refs("country"):
        # a ministry's release speaks for its government: what it leaves unsaid, that country does
        changes["voice"] = publisher.refs("country")[0]
    return (replace(meta, **changes) if changes else meta), header
