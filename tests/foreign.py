"""Requests to another host, recorded and aborted, so none can slip through."""

from __future__ import annotations

from urllib.parse import urlsplit


def record_foreign_requests(context, base_url) -> list[str]:
    """Every request to another host is recorded and aborted, so none can slip through."""
    origin = urlsplit(base_url).netloc
    foreign = []

    def check(route):
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != origin:
            foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", check)
    return foreign
