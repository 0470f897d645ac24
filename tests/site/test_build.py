"""The site builds strictly, every page is in the navigation, links hold, nothing is third-party."""

from __future__ import annotations

import json
import re
import subprocess
from importlib.metadata import version
from urllib.parse import urlsplit

import pytest

from conftest import EDITIONS, ROOT
from site_html import html_pages, parse, resolve

SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed-overlap"

# Hosts named in the JavaScript that Material ships (assets/javascripts/), outside its licence
# comments: a repository widget (GitHub, GitLab), Mermaid and a polyfill from unpkg, and a help
# link in a search-worker error message. Each is used only when a feature this site leaves off is
# configured; the browser tests prove that no page ever requests one.
MATERIAL_INERT_HOSTS = {"api.github.com", "unpkg.com", "${e}", "bit.ly"}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
URL = re.compile(r"""https?://[^\s"'`)<>\\]*""")


@pytest.mark.parametrize("language", EDITIONS)
def test_strict_build_has_no_warning(build, language):
    result = build[1][language]
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr


@pytest.mark.parametrize("language", EDITIONS)
def test_every_page_is_reachable_from_the_navigation(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    other = [site_dir / folder for lang, (_, folder) in EDITIONS.items() if lang != language and folder]
    pages = {
        path
        for path in html_pages(root)
        if path.name != "404.html" and not any(folder in path.parents for folder in other)
    }
    seen, queue = set(), [root / "index.html"]
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        for href in parse(current).nav_links:
            target, _ = resolve(site_dir, current, href)
            if target is not None and target.exists() and target in pages | {root / "index.html"}:
                queue.append(target)
    unreachable = sorted(str(path.relative_to(site_dir)) for path in pages - seen)
    assert not unreachable, f"pages not reachable from the navigation: {unreachable}"
    assert len(seen) >= 16


def test_no_broken_internal_link_or_anchor(site_dir):
    parsed = {path: parse(path) for path in html_pages(site_dir)}
    broken = []
    for page, parser in parsed.items():
        for tag, attribute, href in parser.links:
            if attribute == "data" or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            target, fragment = resolve(site_dir, page, href)
            if target is None:
                continue
            where = f"{page.relative_to(site_dir)}: <{tag} {attribute}={href!r}>"
            if not target.exists():
                broken.append(f"{where}: no file {target}")
            elif fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{where}: no anchor #{fragment}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("language", EDITIONS)
def test_self_assessment_recommendations_point_to_existing_anchors(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    model_path = root / "assets" / "selfcheck" / "model.json"  # links in the model are relative to it
    model = json.loads(model_path.read_text(encoding="utf-8"))
    assert model["language"] == language
    facets = [facet for version in model["versions"] for facet in version["facets"]]
    assert len(model["versions"]) >= 2 and facets
    for facet in facets:
        target, fragment = resolve(site_dir, model_path, facet["href"])
        assert target is not None and target.exists(), facet
        if fragment:
            assert fragment in parse(target).ids, facet


def test_no_third_party_url_in_html_css_or_js(site_dir, base_url):
    """No resource from another host. The one exception is navigation the reader chooses: a link
    (<a href>) to the official text of a law or decision, on an https host of this list."""
    own_host = urlsplit(base_url).netloc  # the site is built for its address: canonical links name it
    official = {
        "gesetze-im-internet.de",
        "www.gesetze-im-internet.de",
        "www.ris.bka.gv.at",
        "ris.bka.gv.at",
        "eur-lex.europa.eu",
        "juris.bundesgerichtshof.de",
        "curia.europa.eu",
        "www.bundesgerichtshof.de",
    }

    def third_party(url: str) -> bool:
        return urlsplit(url).netloc not in ("", own_host)

    def official_text(tag: str, attribute: str, url: str) -> bool:
        parts = urlsplit(url)
        return tag == "a" and attribute == "href" and parts.scheme == "https" and parts.netloc in official

    assert official_text("a", "href", "https://www.ris.bka.gv.at/x") and not official_text(
        "link", "href", "https://www.ris.bka.gv.at/x"
    )
    assert not official_text("a", "href", "http://www.ris.bka.gv.at/x") and not official_text(
        "a", "href", "https://example.org/"
    )
    found = []
    for path in html_pages(site_dir):
        for tag, attribute, value in parse(path).links:
            if third_party(value) and not official_text(tag, attribute, value):
                found.append(f"{path.relative_to(site_dir)}: <{tag} {attribute}={value}>")
    for path in site_dir.rglob("*.css"):
        for match in re.finditer(r"(?:url\(|@import)\s*['\"]?([^'\")\s]+)", path.read_text(encoding="utf-8")):
            if third_party(match.group(1)):
                found.append(f"{path.relative_to(site_dir)}: {match.group(1)}")
    for path in site_dir.rglob("*.js"):
        code = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        code = re.sub(r"(?<![:\"'\\])//[^\n]*", "", code)  # line comments, not "http://"
        vendored = "assets/javascripts/" in path.relative_to(site_dir).as_posix()
        for url in URL.findall(code):
            if url == SVG_NAMESPACE or (vendored and urlsplit(url).netloc in MATERIAL_INERT_HOSTS):
                continue
            found.append(f"{path.relative_to(site_dir)}: {url}")
    assert not found, "\n".join(found)


def test_pinned_mkdocs_1_and_never_2():
    assert version("mkdocs") == "1.6.1"
    assert version("mkdocs-material").startswith("9.8.")
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs<2$", requirements, re.M), "requirements.txt must keep MkDocs 2 out"


@pytest.mark.parametrize("language", EDITIONS)
def test_each_edition_has_its_language_and_search_language(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    for page in html_pages(root):
        if "/en/" not in f"/{page.relative_to(site_dir).as_posix()}" or language == "en":
            assert f'<html lang="{language}"' in page.read_text(encoding="utf-8"), page
    search_config = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert search_config["lang"] == [language]


@pytest.mark.skipif(not SEED_OVERLAP.exists(), reason="shared/tools/seed-overlap is not beside the checkout")
def test_no_sentence_copied_from_the_source_article():
    result = subprocess.run(
        [str(SEED_OVERLAP), "docs", "docs-en", "quiz", "includes"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout, result.stdout
