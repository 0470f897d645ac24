"""Each edition installable and readable without a connection (issue 12): after the build, a web
app manifest, two icons made from the site's logo (docs/assets/favicon.svg) and a service worker
(sw.js, from the template sitekit/offline/sw.js) that stores every page of the edition, its search
index and the assets those pages use. Switched off, sw.js becomes sitekit/offline/off.js, which
deletes the edition's stores and unregisters itself on phones that installed an earlier one."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from importlib.resources import files as package_files
from pathlib import Path

from quiz.wording import words

from . import ROOT, SiteError

ASSETS = ROOT / "docs" / "assets"  # the logo (favicon.svg) and the palette (stylesheets/site.css)
WORKER, MANIFEST, ICON, MASKABLE = "sw.js", "manifest.webmanifest", "assets/icons/icon.svg", "assets/icons/maskable.svg"
SLATE_BACKGROUND = "#1e2129"  # Material's own background of the dark scheme, hsl(225 15% 14%)
# Addresses the pages use: links, scripts, styles, images, the self-assessment's model, and
# Material's search worker (in the page's __config).
REFERENCE = re.compile(r'(?:\b(?:href|src|data-model)=|"search":\s*)"([^"#?]+)"')
SCHEMES = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.I)


def template(name: str) -> str:
    """A worker template shipped with the package: sw.js or off.js."""
    return (package_files(__package__) / "offline" / name).read_text(encoding="utf-8")


def switch(value, where: str) -> bool:
    """extra.offline: true (the default) or false."""
    if value is None:
        return True
    if not isinstance(value, bool):
        raise SiteError(f"{where}: extra.offline: expected true or false, got {value!r}")
    return value


def write(site: Path, *, on: bool, name: str, description: str, language: str, alternates,
          assets: Path = ASSETS) -> None:
    """Everything offline use needs, into the built edition ``site``."""
    if not on:
        (site / WORKER).write_text(template("off.js"), encoding="utf-8")
        return
    write_icons(site, assets / "favicon.svg")
    colours = palette(assets / "stylesheets" / "site.css")
    (site / MANIFEST).write_text(json.dumps(manifest(name, description, language, colours), ensure_ascii=False,
                                            indent=1), encoding="utf-8")
    others = other_editions(alternates)
    stored = precache(site, others)
    (site / WORKER).write_text(worker(stored, others, version(site, stored)), encoding="utf-8")


def worker(stored: list[str], others: list[str], store_version: str) -> str:
    text = template("sw.js")
    for name, value in (("FILES_HERE", json.dumps(stored)), ("OTHER_EDITIONS_HERE", json.dumps(others)),
                        ("VERSION_HERE", store_version)):
        text = text.replace(name, value)
    return text


def other_editions(alternates) -> list[str]:
    """Folders inside this edition that hold another edition (the language selector's links), e.g. ["en/"]."""
    folders = []
    for alternate in alternates or []:
        link = posixpath.normpath(str(alternate.get("link", "")))
        if link not in (".", "") and not link.startswith("..") and not SCHEMES.match(link):
            folders.append(link.rstrip("/") + "/")
    return folders


def precache(site: Path, others: list[str]) -> list[str]:
    """Every page of the edition (as its address), the search index, the assets the pages use and
    the search language files the edition needs; paths relative to the edition's root, no source maps."""
    def inside(path: str) -> bool:
        return not path.startswith("..") and not any(path.startswith(folder) for folder in others)

    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    pages = [page for page in pages if inside(page)]
    stored = {"search/search_index.json", "sitemap.xml", MANIFEST, ICON, MASKABLE}
    for page in pages:
        stored.add(page[: -len("index.html")] if page.endswith("index.html") else page)
        folder = posixpath.dirname(page)
        for reference in REFERENCE.findall((site / page).read_text(encoding="utf-8")):
            if SCHEMES.match(reference):
                continue
            path = posixpath.normpath(posixpath.join(folder, reference))
            if inside(path) and (site / path).is_file() and not path.endswith((".map", ".html")):
                stored.add(path)
    stored |= search_languages(site)
    missing = sorted(path for path in stored if not (site / path).is_file() and not (site / path / "index.html").is_file())
    if missing:
        raise SiteError(f"sitekit/offline.py: files to store for offline use are missing from the build: {', '.join(missing)}")
    return sorted(stored)


def search_languages(site: Path) -> set[str]:
    """The lunr files Material's search worker loads for the edition's languages (none for English)."""
    try:
        languages = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    except (OSError, ValueError, KeyError) as error:
        raise SiteError(f"sitekit/offline.py: search/search_index.json: cannot read the search languages ({error})") from None
    base = "assets/javascripts/lunr/"
    found = {base + f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    found |= {base + "tinyseg.js" for language in languages if language == "ja"}
    found |= {base + "wordcut.js" for language in languages if language in ("hi", "th")}
    if len(languages) > 1:
        found.add(base + "min/lunr.multi.min.js")
    return found | {base + "min/lunr.stemmer.support.min.js"} if found else found


def version(site: Path, stored: list[str]) -> str:
    """A hash of every stored file's name and content: the store's name changes with any of them."""
    digest = hashlib.sha256()
    for path in stored:
        target = site / path if (site / path).is_file() else site / path / "index.html"
        digest.update(path.encode() + b"\0" + target.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def manifest(name: str, description: str, language: str, colours: dict[str, str]) -> dict:
    """Name, start and scope (the edition's root, relative, so it works under /REPO/ and at a
    domain root), colours of the site's palette (``palette()``), and the icons."""
    return {
        "id": "./", "name": name, "short_name": words("site", language)["appShortName"],
        "description": description, "lang": language, "dir": "ltr",
        "start_url": "./", "scope": "./", "display": "standalone",
        "theme_color": colours["light"], "background_color": "#ffffff",
        # The dark scheme's colours, for browsers that read them (Chromium's "user_preferences").
        "user_preferences": {"color_scheme_dark": {"theme_color": colours["dark"], "background_color": SLATE_BACKGROUND}},
        "icons": [{"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
                  {"src": MASKABLE, "sizes": "any", "type": "image/svg+xml", "purpose": "maskable"}],
    }


def palette(css_path: Path = ASSETS / "stylesheets" / "site.css") -> dict[str, str]:
    """The primary colour of the light and the dark scheme, from docs/assets/stylesheets/site.css."""
    css = css_path.read_text(encoding="utf-8")

    def primary(selector: str) -> str | None:
        block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
        found = block and re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{3,8})\s*;", block.group(1))
        return found.group(1) if found else None

    light = primary('[data-md-color-primary="custom"]')
    if light is None:
        raise SiteError("docs/assets/stylesheets/site.css: no --md-primary-fg-color for the custom primary colour")
    return {"light": light, "dark": primary('[data-md-color-scheme="slate"][data-md-color-primary="custom"]') or light}


def maskable(logo: str) -> str:
    """The logo at two thirds of the size on a full square of its background colour, so it stays
    inside the safe circle any mask keeps."""
    background = re.search(r'fill="(#[0-9a-fA-F]{3,8})"', logo)
    inner = re.fullmatch(r"\s*<svg\b[^>]*>(.*)</svg>\s*", logo, re.S)
    if background is None or inner is None:
        raise SiteError("docs/assets/favicon.svg: expected one <svg> whose first shape has a fill colour")
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
            f'<rect width="48" height="48" fill="{background.group(1)}"/>'
            f'<svg x="8" y="8" width="32" height="32" viewBox="0 0 32 32">{inner.group(1)}</svg></svg>')


def write_icons(site: Path, logo_path: Path = ASSETS / "favicon.svg") -> None:
    logo = logo_path.read_text(encoding="utf-8")
    icon = maskable(logo)
    (site / posixpath.dirname(ICON)).mkdir(parents=True, exist_ok=True)
    (site / ICON).write_text(logo, encoding="utf-8")
    (site / MASKABLE).write_text(icon, encoding="utf-8")
