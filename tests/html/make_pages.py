"""Write the test web pages of this folder: invented releases in the layouts METI, MOFA and JOGMEC use.

    python tests/html/make_pages.py

Each page wraps one of the invented releases of ``tests/docs`` (``rel-*.txt``: their text was written
for this project) in the frame of a ministry's or an agency's release page as those sites build it
(studied on their public pages; none of their text is copied): the site's header with its logo,
a skip link, the global navigation and a search form; breadcrumbs; the release (dateline, issuing
body, headline, numbered paragraphs, contact block); share buttons; a side column of related
releases; the footer with the address and the copyright. The navigation, related releases and
footers are written here too, in the sites' style, and deliberately name ministers, countries and
agreements in whole sentences (「経済産業大臣がチリを訪問しました。」): if the reader let any of
them through, the build would make facts of them.

- ``meti-visit.html``: METI (``#header``, ``#global_navi``, ``#topicpath``, ``#__main_contents`` with
  ``p.date``, ``.sns_share``, ``#side``, ``#footer``); the canonical link gives the URL.
- ``mofa-ministerial.html``: MOFA (``.gnav``, ``.breadcrumbs``, ``#maincontents`` with
  ``p.rightalign`` holding the date in the Reiwa era, ``h1.title1``, ``.social-btn``, ``#side-nav``,
  ``#footer``); the issuing body (外務省) is not in the release's text, only in the page's
  ``<title>`` (「… | 外務省」).
- ``jogmec-mou.html``: JOGMEC (``<header>``, ``<nav class="breadcrumb">``, ``<main>``/``<article>``
  with ``<time datetime>``, ``.share-buttons``, ``<aside class="related">``, ``<footer>``); the
  dateline is only ``<time datetime="2024-11-15">`` and the issuing body only ``og:site_name``.

``no-main-text.html`` is a page with a header, navigation and footer and nothing else.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"


def _release(stem: str) -> list[str]:
    return [line.strip() for line in (DOCS / f"{stem}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


def _body(lines: list[str], heading_tag: str) -> str:
    """Paragraphs, numbered headings (「1．…」 alone on a line) and the contact block (担当 …)."""
    out = []
    contact = False
    for line in lines:
        escaped = html.escape(line)
        if line in ("担当", "問い合わせ先", "本件に関するお問い合わせ先", "お問い合わせ先"):
            contact = True
            out.append(f'<div class="contact"><h2>{escaped}</h2>')
            continue
        if contact:
            out.append(f"<p>{escaped}</p>")
        elif re.match(r"^[0-9０-９]{1,2}[．.]\S", line) and not line.endswith("。"):
            out.append(f"<{heading_tag}>{escaped}</{heading_tag}>")
        else:
            out.append(f"<p>{escaped}</p>")
    if contact:
        out.append("</div>")
    return "\n".join(out)


def meti() -> str:
    date, body_name, title, *rest = _release("rel-meti-visit")
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<title>{html.escape(title)}（METI/経済産業省）</title>
<link rel="canonical" href="https://www.meti.go.jp/press/2025/07/20250708001/20250708001.html">
<link rel="stylesheet" href="/css/common.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
<div id="header">
  <p class="skip"><a href="#__main_contents">本文へ移動する</a></p>
  <div class="logo"><a href="/"><img src="/img/logo.png" alt="経済産業省"></a></div>
  <ul class="fontsize"><li>文字サイズ</li><li>標準</li><li>拡大</li></ul>
  <form class="search" action="/search"><input type="text" name="q"><button>検索</button></form>
  <ul id="global_navi">
    <li><a href="/press/">ニュースリリース</a></li><li><a href="/policy/">政策について</a></li>
    <li><a href="/statistics/">統計</a></li><li><a href="/intro/">経済産業省について</a></li>
  </ul>
</div>
<div id="topicpath"><ol><li><a href="/">ホーム</a></li><li><a href="/press/">ニュースリリース</a></li>
<li>2025年度7月一覧</li></ol></div>
<div id="__main_contents" class="main w1000">
<p class="date">{html.escape(date)}</p>
<p class="org">{html.escape(body_name)}</p>
<h1>{html.escape(title)}</h1>
<div class="txt_box">
{_body(rest, "h2")}
</div>
<div class="sns_share"><ul><li><a href="#">Xでポスト</a></li><li><a href="#">Facebookでシェア</a></li>
<li><a href="#">LINEで送る</a></li></ul></div>
</div>
<div id="side">
  <h2>最近のニュースリリース</h2>
  <ul>
    <li><a href="#">経済産業大臣がチリ共和国を訪問しました。</a></li>
    <li><a href="#">日豪両国は重要鉱物に関する協力覚書に署名しました。</a></li>
    <li><a href="#">JOGMECが豪州のリチウム探鉱事業に出資します。</a></li>
  </ul>
</div>
<div id="footer">
  <ul><li><a href="#">利用規約</a></li><li><a href="#">プライバシーポリシー</a></li><li><a href="#">ウェブアクセシビリティ</a></li></ul>
  <p>〒100-8901 東京都千代田区霞が関1-3-1 経済産業省 代表電話 03-3501-1511</p>
  <p class="copy">Copyright Ministry of Economy, Trade and Industry. All Rights Reserved.</p>
</div>
</body>
</html>
"""


def mofa() -> str:
    date, _body_name, title, *rest = _release("rel-mofa-ministerial")
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>{html.escape(title)} | 外務省</title>
<link rel="canonical" href="https://www.mofa.go.jp/mofaj/press/release/pressit_000001_00123.html">
</head>
<body>
<div id="header">
  <p id="skip"><a href="#maincontents">本文へ</a></p>
  <p class="logo"><a href="/mofaj/">外務省</a></p>
  <ul class="gnav"><li>会見・発表・広報</li><li>外交政策</li><li>国・地域</li><li>海外渡航・滞在</li>
  <li>外務省について</li></ul>
  <ul class="language"><li>English</li><li>中文</li><li>한국어</li></ul>
</div>
<div class="breadcrumbs"><ul><li><a href="/mofaj/">トップページ</a></li><li><a href="/mofaj/press/">会見・発表・広報</a></li>
<li><a href="/mofaj/press/release/">報道発表</a></li><li>{html.escape(title)}</li></ul></div>
<div id="maincontents">
<div class="main-cont">
<p class="rightalign">{html.escape(date)}</p>
<h1 class="title1">{html.escape(title)}</h1>
<div class="any-area">
{_body(rest, "h2")}
</div>
<div class="social-btn"><span>ツイート</span><span>シェアする</span></div>
</div>
</div>
<div id="side-nav">
  <p class="title">報道発表</p>
  <ul>
    <li><a href="#">上川外務大臣はノルウェー王国の外務大臣と会談しました。</a></li>
    <li><a href="#">日米豪印外相会合が東京で開催されました。</a></li>
  </ul>
</div>
<div id="footer">
  <ul><li>法的事項</li><li>アクセシビリティについて</li><li>プライバシーポリシー</li></ul>
  <p>外務省 〒100-8919 東京都千代田区霞が関2-2-1 電話（代表）03-3580-3311</p>
  <p class="copyright">Copyright © Ministry of Foreign Affairs of Japan</p>
</div>
</body>
</html>
"""


def jogmec() -> str:
    date, _body_name, title, *rest = _release("rel-jogmec-mou")
    year, month, day = (int(part) for part in date.split("."))
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}｜JOGMEC</title>
<meta property="og:site_name" content="独立行政法人エネルギー・金属鉱物資源機構">
<meta property="og:url" content="https://www.jogmec.go.jp/news/release/news_10_00123.html">
</head>
<body>
<header class="l-header">
  <a class="l-header__logo" href="/">JOGMEC 独立行政法人エネルギー・金属鉱物資源機構</a>
  <nav class="gnav"><ul><li>JOGMECについて</li><li>石油・天然ガス</li><li>金属鉱物</li><li>石炭</li>
  <li>地熱</li><li>水素・CCS</li><li>ニュース</li></ul></nav>
</header>
<nav class="breadcrumb" aria-label="パンくずリスト"><ol><li><a href="/">ホーム</a></li><li><a href="/news/">ニュース</a></li>
<li>ニュースリリース</li></ol></nav>
<main id="main">
<article class="news-detail">
<div class="news-detail__head"><time datetime="{year:04d}-{month:02d}-{day:02d}">{year}年{month}月{day}日</time>
<span class="news-detail__category">ニュースリリース</span></div>
<h1 class="news-detail__title">{html.escape(title)}</h1>
<div class="news-detail__body">
{_body(rest, "h2")}
</div>
<ul class="share-buttons"><li><a href="#">X</a></li><li><a href="#">Facebook</a></li><li><a href="#">LINE</a></li></ul>
</article>
<aside class="related">
  <h2>関連ニュース</h2>
  <ul><li><a href="#">JOGMEC、チリ国営銅公社と銅資源の共同調査に関する協力覚書を締結しました。</a></li>
  <li><a href="#">JOGMECはカナダのニッケル探鉱事業への出資を決定しました。</a></li></ul>
</aside>
</main>
<footer class="l-footer">
  <p>〒105-0001 東京都港区虎ノ門2-10-1 虎ノ門ツインビルディング</p>
  <p><small>Copyright © Japan Organization for Metals and Energy Security All Rights Reserved.</small></p>
</footer>
</body>
</html>
"""


def no_main_text() -> str:
    return """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>ページが見つかりません | 経済産業省</title></head>
<body>
<div id="header"><ul id="global_navi"><li>ニュースリリース</li><li>政策について</li><li>統計</li></ul></div>
<div id="topicpath"><ol><li>ホーム</li><li>ニュースリリース</li></ol></div>
<div id="footer"><p>〒100-8901 東京都千代田区霞が関1-3-1 経済産業省</p></div>
</body></html>
"""


PAGES = {"meti-visit.html": meti, "mofa-ministerial.html": mofa, "jogmec-mou.html": jogmec,
         "no-main-text.html": no_main_text}


def main() -> None:
    for name, make in PAGES.items():
        (HERE / name).write_text(make(), encoding="utf-8")


if __name__ == "__main__":
    main()
