"""ProperDocs 1.6.7 (the maintained continuation of MkDocs 1.x) with Material 9.8.2 builds the same
site as MkDocs 1.6.1: every file of both editions, byte for byte, apart from the generator tag, the
service worker's store name (a hash over the stored files, which include the generator tag) and the
store's size in offline.json (the generator tag is a few bytes longer or shorter)."""

from __future__ import annotations

import gzip
import re

from stack_build import build_with_stack

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
STORE_NAME = re.compile(rb'VERSION = "[0-9a-f]+"')
STORE_SIZE = re.compile(rb"[0-9]+")


def comparable(path) -> bytes:
    content = path.read_bytes()
    if path.suffix == ".gz":
        content = gzip.decompress(content)
    if path.suffix == ".html":
        content = GENERATOR.sub(b"<generator>", content)
    if path.name == "sw.js":
        content = STORE_NAME.sub(b"<store name>", content)
    if path.name == "offline.json":
        content = STORE_SIZE.sub(b"<size>", content)
    return content


def files(site) -> dict:
    return {str(path.relative_to(site)): path for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path, build):
    site_dir, _, base_url = build
    build_with_stack("properdocs", tmp_path, base_url)  # the same address, so sitemaps and links match
    mkdocs, properdocs = files(site_dir), files(tmp_path)
    assert sorted(properdocs) == sorted(mkdocs)
    assert (tmp_path / "index.html").read_bytes().count(b"ProperDocs") == 1, "the page names its generator"
    different = [name for name, path in mkdocs.items() if comparable(path) != comparable(properdocs[name])]
    assert different == []
