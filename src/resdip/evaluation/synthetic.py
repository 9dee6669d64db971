"""A synthetic corpus in the White Paper's genre, for benchmarks at scale.

    paths = write_corpus(out_dir, scale=10)     # ~10 × the source's 15,100 characters

Sentences follow the patterns of the Energy White Paper's chapter on resource
diplomacy (visits, signings, ministerial meetings, memberships of
partnerships, investments, targets and observed ratios, budget lines in
【…】 after numbered measures), with every name, date, figure and the order of
sentences drawn from the registry (``registry/*.csv``) by a seeded RNG:
the same ``seed`` and ``scale`` give byte-identical files. No sentence of the
source is copied. Documents are plain-layout text (one paragraph a line, a
blank line between paragraphs) of about ``chars_per_doc`` characters each,
listed in a ``sources.json`` beside them (and each in a sidecar ``FILE.json``,
which ``resdip build FILE...`` reads) so they get stable ids.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from ..registry import Entry, Registry, load_registry

#: Characters of ``sources/energy-white-paper-2025-part2-ch1.txt`` (its decoded length).
SOURCE_CHARS = 15_100

_TOPICS = ("安定供給", "探鉱・開発", "サプライチェーン強靱化", "技術協力", "人材育成", "脱炭素化", "投資促進", "資源循環")
_DIGITS = "0123456789"


@dataclass
class _Pools:
    """Registry entries by the role they play in a sentence."""

    jp_ministers: list[tuple[Entry, Entry]]  # (person, post) of Japan
    foreign_ministers: list[tuple[Entry, Entry, Entry]]  # (person, post, country)
    countries: list[Entry]  # with a one-character abbreviation for 日X compounds, or any
    abbr_countries: list[Entry]
    agencies: list[Entry]  # Japanese bodies that act (METI, JOGMEC, JBIC, NEXI…)
    partnerships: list[Entry]
    series: list[Entry]
    resources: list[Entry]
    indicators: list[Entry]
    plans: list[Entry]


def _pools(registry: Registry) -> _Pools:
    ents = sorted(registry.entities.values(), key=lambda e: e.id)
    by_id = registry.entities

    def first_post(person: Entry) -> Entry | None:
        posts = [by_id[p] for p in person.refs("posts") if p in by_id]
        return posts[0] if posts else None

    jp, foreign = [], []
    for person in (e for e in ents if e.cls == "Person" and e.extra.get("family_name_ja")):
        post = first_post(person)
        if post is None:
            continue
        nationality = person.extra.get("nationality", "")
        if nationality == "country-jp":
            jp.append((person, post))
        elif nationality in by_id:
            foreign.append((person, post, by_id[nationality]))
    countries = [e for e in ents if e.cls == "Country" and e.id != "country-jp"]
    return _Pools(
        jp_ministers=jp,
        foreign_ministers=foreign,
        countries=countries,
        abbr_countries=[e for e in countries if e.abbr_ja],
        agencies=[e for e in ents if e.cls in ("GovernmentBody", "PublicAgency", "FinancialInstitution")
                  and e.extra.get("country") == "country-jp"],
        partnerships=[e for e in ents if e.cls == "Partnership"],
        series=[e for e in ents if e.cls == "EventSeries"],
        resources=[e for e in ents if e.cls == "Resource"],
        indicators=[e for e in ents if e.cls == "Indicator"],
        plans=[e for e in ents if e.cls in ("Plan", "Policy")],
    )


def _family(person: Entry) -> str:
    return person.extra["family_name_ja"].split("|")[0]


class _Writer:
    """Sentences of the genre, each drawing its names and figures from the RNG."""

    def __init__(self, pools: _Pools, rng: random.Random) -> None:
        self.p = pools
        self.rng = rng
        self.measures = 0  # measures so far: a measure's title is its identity across documents

    def measure_title(self) -> str:
        self.measures += 1
        country = self.pick(self.p.countries).label_ja
        return f"{country}における{self.resource()}の{self.rng.choice(_TOPICS)}支援事業（第{self.measures}期）"

    def pick(self, items: list[Entry]) -> Entry:
        return items[self.rng.randrange(len(items))]

    def date(self) -> str:
        return f"{self.rng.randint(2019, 2025)}年{self.rng.randint(1, 12)}月"

    def agency(self) -> str:
        return self.pick(self.p.agencies).label_ja

    def resource(self) -> str:
        return self.pick(self.p.resources).label_ja

    def visit(self) -> str:
        person, post = self.rng.choice(self.p.jp_ministers)
        country = self.pick(self.p.countries).label_ja
        topic = self.rng.choice(_TOPICS)
        if self.p.foreign_ministers and self.rng.random() < 0.5:
            other, other_post, other_country = self.rng.choice(self.p.foreign_ministers)
            country = other_country.label_ja
            return (f"{self.date()}には、{_family(person)}{post.label_ja}が{country}を訪問し、"
                    f"{_family(other)}{other_post.label_ja}と{self.resource()}の{topic}に関する意見交換を行いました。")
        return f"{self.date()}に{_family(person)}{post.label_ja}が{country}を訪問し、{self.resource()}分野の{topic}について協議しました。"

    def signing(self) -> str:
        country = self.pick(self.p.countries).label_ja
        return (f"{self.date()}には、{self.agency()}が{country}政府との間で、{self.resource()}の{self.rng.choice(_TOPICS)}"
                f"に関する協力覚書に署名しました。")

    def meeting(self) -> str:
        if self.p.series and self.rng.random() < 0.5:
            series = self.pick(self.p.series).label_ja
            return (f"{self.date()}に開催された「{series}」において、参加各国の閣僚は、{self.resource()}の"
                    f"{self.rng.choice(_TOPICS)}に向けた協力を確認しました。")
        country = self.pick(self.p.abbr_countries or self.p.countries)
        pair = f"日{country.abbr_ja[0]}両国" if country.abbr_ja else f"日本と{country.label_ja}"
        return f"{self.date()}の閣僚会談において{pair}の閣僚は、{self.resource()}の安定供給に向けて協力することで合意しました。"

    def membership(self) -> str:
        partnership = self.pick(self.p.partnerships).label_ja
        members = "、".join(c.label_ja for c in self.rng.sample(self.p.countries, self.rng.randint(3, 6)))
        return f"「{partnership}」には、日本、{members}等が参加しており、日本もメンバーと連携して新たなプロジェクトの形成を検討しています。"

    def investment(self) -> str:
        country = self.pick(self.p.countries).label_ja
        verb = self.rng.choice(("出資を行いました", "地質構造の調査を実施しました", "債務保証を行いました"))
        return f"{self.rng.randint(2019, 2025)}年度は、{self.agency()}が{country}における{self.resource()}のプロジェクトに対して{verb}。"

    def target(self) -> str:
        indicator = self.pick(self.p.indicators).label_ja
        year = self.rng.choice((2030, 2035, 2040, 2050))
        return f"日本は、{indicator}を{year}年に{self.rng.randint(3, 9)}0%以上に引き上げることを目指しています。"

    def observation(self) -> str:
        indicator = self.pick(self.p.indicators).label_ja
        value = f"{self.rng.randint(10, 89)}.{self.rng.choice(_DIGITS)}"
        return f"なお、{self.rng.randint(2019, 2024)}年度の{indicator}は{value}%となりました。"

    def supply(self) -> str:
        a, b = self.rng.sample(self.p.countries, 2)
        return f"{self.resource()}の輸入は、{a.label_ja}と{b.label_ja}で約{self.rng.randint(3, 9)}割を占めています。"

    def background(self) -> str:
        resource = self.resource()
        return self.rng.choice((
            f"{resource}は、日本の先端産業を支える原料として重要な資源です。",
            f"世界的な脱炭素化の流れの中、{resource}の需要は今後ますます増加すると見込まれています。",
            f"こうした中で、{resource}の調達先の多角化と安定供給の確保に向けた取組が求められています。",
            f"資源国との継続的な関係構築を通じて、{resource}の中長期的な安定供給につなげていきます。",
        ))

    def sentence(self) -> str:
        kinds = (self.visit, self.signing, self.meeting, self.membership, self.investment,
                 self.target, self.observation, self.supply, self.background, self.background)
        return self.rng.choice(kinds)()

    def budget(self) -> str:
        year = self.rng.randint(2022, 2025)
        parts = [f"{year}年度{kind}：{self.rng.randint(1, 1999):,}億円"
                 for kind in self.rng.sample(("当初", "補正", "産投"), self.rng.randint(1, 2))]
        return "【" + "、".join(parts) + "】"


def write_document(writer: _Writer, target_chars: int) -> str:
    """One document: numbered sections of paragraphs, then a block of numbered measures with budgets."""
    rng = writer.rng
    paragraphs: list[str] = []
    size = 0
    section = 0
    while size < target_chars:
        section += 1
        heading = f"第{section}節　{writer.resource()}の安定供給確保に向けた取組"
        paragraphs.append(heading)
        for sub in range(1, rng.randint(2, 4) + 1):
            paragraphs.append(f"{sub}．{writer.pick(writer.p.countries).label_ja}等との{rng.choice(_TOPICS)}")
            for _ in range(rng.randint(2, 4)):
                paragraphs.append("".join(writer.sentence() for _ in range(rng.randint(2, 4))))
        paragraphs.append("＜具体的な主要施策＞")
        for n in range(1, rng.randint(2, 5) + 1):
            paragraphs.append(f"（{n}）{writer.measure_title()}")
            paragraphs.append(writer.budget())
            paragraphs.append(writer.investment())
        size = sum(len(p) + 2 for p in paragraphs)
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(out_dir: Path | str, scale: float, *, seed: int = 0, chars_per_doc: int = SOURCE_CHARS,
                 registry: Registry | None = None) -> list[Path]:
    """Write ``scale`` × the source's size as documents of ``chars_per_doc`` characters, and sources.json.

    Returns the document paths in order.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writer = _Writer(_pools(registry or load_registry()), random.Random(seed))
    total = max(1, round(scale * SOURCE_CHARS))
    count = max(1, round(total / chars_per_doc))
    files: list[Path] = []
    entries = []
    for i in range(count):
        doc_id = f"synthetic-{seed}-{i + 1:04d}"
        path = out / f"{doc_id}.txt"
        path.write_text(write_document(writer, total // count), encoding="utf-8")
        files.append(path)
        entries.append({
            "id": doc_id, "file": path.name,
            "title": {"ja": f"合成文書 {i + 1}（ベンチマーク用）", "en": f"Synthetic document {i + 1} (benchmark)"},
            "publisher": "", "issued": "2025", "date": "2025", "url": "",
            "licence": "https://opensource.org/licenses/MIT",
            "licence_name": "Generated by resdip.evaluation.synthetic (MIT, like the code); invented content",
            "attribution": "resdip synthetic benchmark corpus (generated; not a real publication)",
            "layout": "plain", "voice": "country-jp",
        })
        # A sidecar FILE.json too, so ``resdip build FILE...`` finds the same metadata.
        path.with_suffix(".json").write_text(json.dumps(entries[-1], ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
    (out / "sources.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic corpus in the White Paper's genre.")
    parser.add_argument("out", type=Path, help="output folder")
    parser.add_argument("--scale", type=float, default=1.0, help="multiple of the source's size (default 1)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    files = write_corpus(args.out, args.scale, seed=args.seed)
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    print(f"{len(files)} document(s), {chars:,} characters in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
