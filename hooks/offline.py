"""Makes each edition installable and readable without a connection (issue 12).

After the build, when every file exists, this hook writes into the edition's folder a web app
manifest (`manifest.webmanifest`), two icons made from the site's logo (`docs/assets/favicon.svg`)
and a service worker (`sw.js`, from the template `hooks/offline/sw.js`) that stores every page of
the edition, its search index and the assets those pages use. The pages link the manifest and load
`assets/offline.js`, which registers the worker (`overrides/main.html`).

The switch is `extra.offline` in mkdocs.yml (true or false, default true). Switched off, the pages
no longer register a worker, and `sw.js` becomes `hooks/offline/off.js`, which deletes the
edition's stores and unregisters itself on phones that installed an earlier one.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "offline"
LOGO = ROOT / "docs" / "assets" / "favicon.svg"
PALETTE = ROOT / "docs" / "assets" / "stylesheets" / "site.css"
WORKER, MANIFEST, ICON, MASKABLE = "sw.js", "manifest.webmanifest", "assets/icons/icon.svg", "assets/icons/maskable.svg"
SLATE_BACKGROUND = "#1e2129"  # Material's own background of the dark scheme, hsl(225 15% 14%)
# Addresses the pages use: links, scripts, styles, images, the self-assessment's model, and
# Material's search worker (in the page's __config).
REFERENCE = re.compile(r'(?:\b(?:href|src|data-model)=|"search":\s*)"([^"#?]+)"')
SCHEMES = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.I)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    setting = config.extra.setdefault("offline", True)
    if not isinstance(setting, bool):
        raise PluginError(f"mkdocs.yml: extra.offline: expected true or false, got {setting!r}")
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if not config.extra["offline"]:
        (site / WORKER).write_text((TEMPLATES / "off.js").read_text(encoding="utf-8"), encoding="utf-8")
        return
    write_icons(site)
    (site / MANIFEST).write_text(json.dumps(manifest(config), ensure_ascii=False, indent=1), encoding="utf-8")
    others = other_editions(config)
    files = precache(site, others)
    worker = (TEMPLATES / "sw.js").read_text(encoding="utf-8")
    for name, value in (("FILES_HERE", json.dumps(files)), ("OTHER_EDITIONS_HERE", json.dumps(others)),
                        ("VERSION_HERE", version(site, files))):
        worker = worker.replace(name, value)
    (site / WORKER).write_text(worker, encoding="utf-8")


def other_editions(config: MkDocsConfig) -> list[str]:
    """Folders inside this edition that hold another edition (the language selector's links), e.g. ["en/"]."""
    folders = []
    for alternate in config.extra.get("alternate") or []:
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
    files = {"search/search_index.json", "sitemap.xml", MANIFEST, ICON, MASKABLE}
    for page in pages:
        files.add(page[: -len("index.html")] if page.endswith("index.html") else page)
        folder = posixpath.dirname(page)
        for reference in REFERENCE.findall((site / page).read_text(encoding="utf-8")):
            if SCHEMES.match(reference):
                continue
            path = posixpath.normpath(posixpath.join(folder, reference))
            if inside(path) and (site / path).is_file() and not path.endswith((".map", ".html")):
                files.add(path)
    files |= search_languages(site)
    missing = sorted(path for path in files if not (site / path).is_file() and not (site / path / "index.html").is_file())
    if missing:
        raise PluginError(f"hooks/offline.py: files to store for offline use are missing from the build: {', '.join(missing)}")
    return sorted(files)


def search_languages(site: Path) -> set[str]:
    """The lunr files Material's search worker loads for the edition's languages (none for English)."""
    try:
        languages = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    except (OSError, ValueError, KeyError) as error:
        raise PluginError(f"hooks/offline.py: search/search_index.json: cannot read the search languages ({error})") from None
    base = "assets/javascripts/lunr/"
    files = {base + f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    files |= {base + "tinyseg.js" for language in languages if language == "ja"}
    files |= {base + "wordcut.js" for language in languages if language in ("hi", "th")}
    if len(languages) > 1:
        files.add(base + "min/lunr.multi.min.js")
    return files | {base + "min/lunr.stemmer.support.min.js"} if files else files


def version(site: Path, files: list[str]) -> str:
    """A hash of every stored file's name and content: the store's name changes with any of them."""
    digest = hashlib.sha256()
    for path in files:
        target = site / path if (site / path).is_file() else site / path / "index.html"
        digest.update(path.encode() + b"\0" + target.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def manifest(config: MkDocsConfig) -> dict:
    """Name, start and scope (the edition's root, relative, so it works under /REPO/ and at a
    domain root), colours of the site's palette, and the icons."""
    colours = palette()
    words = config.extra["wording"][config.theme["language"]]
    return {
        "id": "./", "name": config.site_name, "short_name": words["appShortName"],
        "description": config.site_description, "lang": config.theme["language"], "dir": "ltr",
        "start_url": "./", "scope": "./", "display": "standalone",
        "theme_color": colours["light"], "background_color": "#ffffff",
        # The dark scheme's colours, for browsers that read them (Chromium's "user_preferences").
        "user_preferences": {"color_scheme_dark": {"theme_color": colours["dark"], "background_color": SLATE_BACKGROUND}},
        "icons": [{"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
                  {"src": MASKABLE, "sizes": "any", "type": "image/svg+xml", "purpose": "maskable"}],
    }


def palette() -> dict[str, str]:
    """The primary colour of the light and the dark scheme, from docs/assets/stylesheets/site.css."""
    css = PALETTE.read_text(encoding="utf-8")

    def primary(selector: str) -> str | None:
        block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
        found = block and re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{3,8})\s*;", block.group(1))
        return found.group(1) if found else None

    light = primary('[data-md-color-primary="custom"]')
    if light is None:
        raise PluginError("docs/assets/stylesheets/site.css: no --md-primary-fg-color for the custom primary colour")
    return {"light": light, "dark": primary('[data-md-color-scheme="slate"][data-md-color-primary="custom"]') or light}


def write_icons(site: Path) -> None:
    """The logo as the app icon, and a maskable icon: the logo at two thirds of the size on a full
    square of its background colour, so it stays inside the safe circle any mask keeps."""
    logo = LOGO.read_text(encoding="utf-8")
    background = re.search(r'fill="(#[0-9a-fA-F]{3,8})"', logo)
    inner = re.fullmatch(r"\s*<svg\b[^>]*>(.*)</svg>\s*", logo, re.S)
    if background is None or inner is None:
        raise PluginError("docs/assets/favicon.svg: expected one <svg> whose first shape has a fill colour")
    folder = site / posixpath.dirname(ICON)
    folder.mkdir(parents=True, exist_ok=True)
    (site / ICON).write_text(logo, encoding="utf-8")
    (site / MASKABLE).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
        f'<rect width="48" height="48" fill="{background.group(1)}"/>'
        f'<svg x="8" y="8" width="32" height="32" viewBox="0 0 32 32">{inner.group(1)}</svg></svg>', encoding="utf-8")
