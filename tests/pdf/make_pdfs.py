"""Make the test PDFs of this folder with Debian's chromium (``--headless --print-to-pdf``).

    python tests/pdf/make_pdfs.py            # writes the PDFs beside this script

``ewp2025-p2c1.pdf``: the committed source text (``sources/energy-white-paper-2025-part2-ch1.txt``)
read by the text model and set as an HTML page the way a White Paper is printed: A4, a running header
(the book's and the chapter's title), a page number in the footer, two levels of headings, footnotes
set small between the two halves of the sentence they interrupt (where the source's PDF put them),
the figure as a caption over a framed box of small text, and a Japanese font (IPAGothic, Debian's
fonts-ipafont-gothic). Paragraphs are justified, as a White Paper's are; the line before a footnote or
figure that interrupts a paragraph is justified too, as it is on a page that the footnote ends. The
font has no glyph for ㎢ (U+33A2): the PDF draws an empty box there, with no Unicode for a reader. ``ewp2025-p2c1.html`` is that page, kept so the PDF can be checked against it.

The bad inputs: ``malformed.pdf`` (a PDF header and then nothing a reader can use),
``image-only.pdf`` (a page with boxes and no text layer, as a scan is) and ``encrypted.pdf`` (the
first page of the source PDF behind a user password: its trailer gets a Standard security handler
dictionary, revision 2, whose /O and /U are computed for the passwords "owner" and "secret"; the
content streams are left as they were, which no reader sees without the password).

Chromium stamps the time into a PDF's /CreationDate and /ModDate: the script sets both to a fixed
date and the file identifier to a hash of the content, so the files only change when the input does.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = ROOT / "sources" / "energy-white-paper-2025-part2-ch1.txt"
CHROMIUM = os.environ.get("RESDIP_CHROMIUM", "/usr/bin/chromium")
FIXED_DATE = b"D:20250101000000Z"

STYLE = """
@page { size: A4; margin: 22mm 20mm 22mm 20mm;
  @top-center { content: "エネルギー白書2025　第2部第1章　資源・燃料の安定供給確保に向けた取組";
                font: 8pt "IPAGothic"; color: #555; }
  @bottom-center { content: counter(page); font: 9pt "IPAGothic"; } }
body { font: 10.5pt/1.7 "IPAGothic"; margin: 0; }
h1 { font-size: 15pt; margin: 8mm 0 4mm; break-after: avoid; }
h2 { font-size: 12.5pt; margin: 6mm 0 3mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2mm; text-indent: 1em; text-align: justify; }
p.split { text-align-last: justify; margin-bottom: 0; }
p.cont { text-indent: 0; }
p.budget { text-indent: 0; text-align: right; }
aside.footnote { font-size: 7.5pt; line-height: 1.5; border-top: 0.5pt solid #888; margin: 2mm 0;
                 padding-top: 1mm; width: 60%; }
sup { font-size: 6.5pt; }
figure { margin: 4mm 0; break-inside: avoid; }
figcaption { font-size: 9.5pt; font-weight: bold; margin-bottom: 1mm; }
figure .box { border: 0.8pt solid #333; padding: 2mm 3mm; font-size: 7.5pt; line-height: 1.5; }
figure .box div { margin: 0.5mm 0; }
"""


def _source_html() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from resdip.text import parse_document, read_text

    raw = read_text(SOURCE).text
    doc = parse_document(raw, doc_id="ewp2025-p2c1", layout="pdf")
    inserts = [u for u in doc.units if u.kind in ("footnote", "figure")]
    body: list[str] = []
    paragraph: list[str] = []

    def close_paragraph(cls: str = "") -> None:
        if paragraph:
            attribute = f' class="{cls}"' if cls else ""
            body.append(f"<p{attribute}>{''.join(paragraph)}</p>")
            paragraph.clear()

    continued = False
    sentences = [u for u in doc.units if u.kind == "sentence"]
    for unit in doc.units:
        if unit.kind in ("footnote", "figure"):
            if not any(s.raw_start < unit.raw_start < s.raw_end for s in sentences):
                close_paragraph("cont" if continued else "")  # between two paragraphs: set where it is
                continued = False
                body.append(_insert_html(unit))
            continue
        if unit.kind == "heading":
            close_paragraph()
            level = min(3, unit.section.level if unit.section else 1)
            body.append(f"<h{level}>{html.escape(unit.text)}</h{level}>")
            continue
        if unit.kind == "budget":
            close_paragraph()
            body.append(f'<p class="budget">{html.escape(unit.text)}</p>')
            continue
        pieces = _with_references(unit, raw)
        inside = [i for i in inserts if unit.raw_start < i.raw_start < unit.raw_end]
        for insert in inside:
            cut = next(k for k, off in enumerate(unit.text_offsets) if off > insert.raw_start)
            paragraph.append(pieces(0, cut))
            close_paragraph("cont split" if continued else "split")
            body.append(_insert_html(insert))
            pieces = _shifted(pieces, cut)
            continued = True
        paragraph.append(pieces(0, None))
        # the source's paragraph ends where a sentence ends a short visual line
        last_line = raw[:unit.raw_end].rsplit("\n", 1)[-1]
        if len(last_line) < 24:
            close_paragraph("cont" if continued else "")
            continued = False
    close_paragraph("cont" if continued else "")
    return "\n".join(body)


def _with_references(unit, raw: str):
    """A function giving the HTML of ``unit.text[a:b]`` with the footnote reference digits the text
    model dropped put back as superscripts (they are in the raw text, not in ``unit.text``)."""
    offsets = unit.text_offsets
    refs: dict[int, str] = {}
    for k in range(len(offsets) - 1):
        gap = raw[offsets[k] + 1: offsets[k + 1]]
        digits = re.sub(r"\s|\ufffd", "", gap)
        if digits.isdigit():
            refs[k] = digits

    def piece(a: int, b: int | None) -> str:
        text = unit.text
        end = len(text) if b is None else b
        out = []
        for k in range(a, end):
            out.append(html.escape(text[k]))
            if k in refs:
                out.append(f"<sup>{refs[k]}</sup>")
        return "".join(out)

    return piece


def _shifted(piece, cut: int):
    return lambda a, b: piece(a + cut, None if b is None else b + cut)


def _insert_html(unit) -> str:
    if unit.kind == "footnote":
        return f'<aside class="footnote">{unit.number}　{html.escape(unit.text)}</aside>'
    lines = [line.strip() for line in unit.anchor.splitlines() if line.strip()]
    caption, rest = lines[0], lines[1:]
    boxed = "".join(f"<div>{html.escape(line)}</div>" for line in rest)
    return f'<figure><figcaption>{html.escape(caption)}</figcaption><div class="box">{boxed}</div></figure>'


def page(body: str, title: str, style: str = STYLE) -> str:
    return (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{style}</style></head><body>\n{body}\n</body></html>\n")


def print_pdf(html_text: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        page_file = Path(scratch) / "page.html"
        page_file.write_text(html_text, encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={scratch}/profile", f"--print-to-pdf={scratch}/out.pdf",
                        page_file.as_uri()], check=True, capture_output=True, timeout=300)
        out.write_bytes(_fixed(Path(scratch, "out.pdf").read_bytes()))


def _fixed(pdf: bytes) -> bytes:
    """The same PDF with its dates fixed and its /ID a hash of the rest (lengths unchanged)."""
    pdf = re.sub(rb"\((D:\d{14}[^)]*)\)", lambda m: b"(" + FIXED_DATE.ljust(len(m.group(1)), b" ")[:len(m.group(1))] + b")"
                 if len(m.group(1)) >= len(FIXED_DATE) else m.group(0), pdf)
    digest = hashlib.md5(re.sub(rb"/ID\s*\[[^\]]*\]", b"", pdf)).hexdigest().encode()
    return re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]",
                  lambda m: _same_length(m.group(0), b"/ID [<" + digest + b"> <" + digest + b">]"), pdf)


def _same_length(old: bytes, new: bytes) -> bytes:
    return new.ljust(len(old), b" ") if len(new) <= len(old) else old


def main() -> None:
    source_page = page(_source_html(), "エネルギー白書2025 第2部第1章")
    (HERE / "ewp2025-p2c1.html").write_text(source_page, encoding="utf-8")
    print_pdf(source_page, HERE / "ewp2025-p2c1.pdf")
    boxes = "".join(f'<div style="height:40mm;margin:6mm;background:#{c}"></div>' for c in ("ccd", "dcc", "cdc"))
    print_pdf(page(boxes, "scan", "@page { size: A4; margin: 20mm; }"), HERE / "image-only.pdf")
    (HERE / "malformed.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n% the file ends here\n")
    print_pdf(page("<p>秘密の文書です。</p>", "secret"), HERE / "plain-one-page.pdf")
    (HERE / "encrypted.pdf").write_bytes(encrypt((HERE / "plain-one-page.pdf").read_bytes()))
    (HERE / "plain-one-page.pdf").unlink()


# --- a Standard security handler, revision 2 (PDF 32000-1, 7.6.3), enough to ask for a password ---

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypt(pdf: bytes, user: bytes = b"secret", owner: bytes = b"owner") -> bytes:
    padded_user = (user + _PAD)[:32]
    o_value = _rc4(hashlib.md5((owner + _PAD)[:32]).digest()[:5], padded_user)
    file_id = hashlib.md5(pdf).digest()
    permissions = -4
    key = hashlib.md5(padded_user + o_value + permissions.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
    u_value = _rc4(key, _PAD)
    number = max(int(n) for n in re.findall(rb"(\d+) 0 obj", pdf)) + 1
    encrypt_obj = (f"{number} 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /P {permissions} "
                   f"/O <{o_value.hex()}> /U <{u_value.hex()}> >>\nendobj\n").encode()
    offset = len(pdf)
    trailer = re.search(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S)
    if trailer is None:
        raise SystemExit("the PDF has no classic trailer to add /Encrypt to")
    body = re.sub(rb"/ID\s*\[[^\]]*\]", b"", trailer.group(1))
    size = number + 1
    body = re.sub(rb"/Size\s+\d+", f"/Size {size}".encode(), body)
    xref = b"xref\n0 1\n0000000000 65535 f \n" + f"{number} 1\n{offset:010d} 00000 n \n".encode()
    new_trailer = (b"trailer\n<<" + body + f" /Encrypt {number} 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>] "
                   .encode() + b">>\nstartxref\n" + str(offset + len(encrypt_obj)).encode() + b"\n%%EOF\n")
    # an incremental update: the original file, the /Encrypt object, a cross-reference section for it
    prev = re.findall(rb"startxref\s+(\d+)", pdf)[-1]
    new_trailer = new_trailer.replace(b"<<", b"<< /Prev " + prev + b" ", 1)
    return pdf + encrypt_obj + xref + new_trailer


if __name__ == "__main__":
    main()
