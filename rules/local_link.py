"""local-link: relative links name files that exist, and #anchors name a heading or an anchor."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from awesome_lint.model import contents
from awesome_lint.model.document import Document
from awesome_lint.model.identity import URL_SCHEME, in_repository, placeholder_url
from awesome_lint.model.slug import PAGE_ANCHORS, anchor_forms
from awesome_lint.rule import UNSAFE, Fix, Rule

_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")
# a web address written without its scheme: ``www.x.org/...``, ``golang.org/x/net``, ``igraph.org/r/doc.html``
# (a host of the common top-level domains, then a path or nothing; a file such as ``setup.py`` is none)
_BARE_HOST = re.compile(r"(?:www\.[\w-]+(?:\.[\w-]+)+|[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|io|edu|gov|ai|dev|"
                        r"app|co|cn|de|uk|jp|fr|ru|info|me|tv|us|ca|ch|nl|se|eu|in|xyz|tech|site))(?:[/?#]|$)", re.I)


def _targets(doc: Document) -> set[str]:
    return {h.slug for h in doc.headings} | set(doc.anchors) | PAGE_ANCHORS


def _has_anchor(targets: set[str], fragment: str) -> bool:
    return any(form in targets for form in anchor_forms(fragment))


def _repo_root(files, start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if files.exists(folder / ".git"):
            return folder
    return None


class LocalLink(Rule):
    name = "local-link"
    summary = "Relative links point at files that exist; #anchors match a heading or an explicit anchor"
    tags = ("links",)

    @dataclass
    class Options:
        check_other_files: bool = True  # also check #anchors in links to other markdown files

    def check(self, doc, ctx):
        files = ctx.files
        here = files.resolve(ctx.path).parent if ctx.path else None
        own = _targets(doc)
        # the toc rule reports the table of contents' anchors, with a fix
        toc = contents.find(doc)
        others: dict[Path, set[str] | None] = {}
        root = ...
        for link in doc.links:
            url = link.url.strip()
            if not url or URL_SCHEME.match(url) or url.startswith("//"):
                continue
            parts = urlsplit(url)
            if not parts.path:
                if toc is not None and toc.holds(link.line):
                    continue
                if parts.fragment and not _has_anchor(own, parts.fragment):
                    yield self.diagnostic(self._no_anchor(url, parts.fragment, own), link.start, link.end)
                continue
            if url.startswith("[") or "](" in url:
                # `[x]([https://a](https://a))`: a link pasted inside a link's destination
                yield self.diagnostic(f"malformed link: its destination {url!r} is itself markdown",
                                      link.start, link.end)
                continue
            host = _BARE_HOST.match(url)
            if host and link.url_start is not None:
                # ``[docs](www.example.org/x)``: GitHub reads it as a file of this repository
                yield self.diagnostic(
                    f"link to '{url}' has no scheme, so it points at a file of this repository: "
                    f"a web address starts with 'https://'", link.start, link.end,
                    Fix.replace(link.url_start, link.url_start, "https://", "add 'https://'", UNSAFE))
                continue
            if here is None:
                continue  # stdin: nothing to resolve relative paths against
            if placeholder_url(parts.path):
                # `[OSS](1)`, `[Title](nan)`: a placeholder, never a file anyone meant
                yield self.diagnostic(f"link to '{parts.path}', which is neither a URL nor a file",
                                      link.start, link.end)
                continue
            if root is ...:  # found once, at the first relative link
                root = _repo_root(files, here)
                if root is None and self._holds_its_files(doc, files, here):
                    root = here
            if root is None:
                continue  # a README copied out of its repository: its files are not here to check
            path = unquote(parts.path)
            base = root if path.startswith("/") else here
            target = files.resolve(base / path.lstrip("/"))
            if not files.exists(target):
                yield self.diagnostic(f"link to a missing file: {path}", link.start, link.end)
                continue
            if parts.fragment and self.options.check_other_files and target.suffix.lower() in _MARKDOWN:
                if target not in others:
                    others[target] = self._read_targets(files, target)
                found = others[target]
                if found is not None and not _has_anchor(found, parts.fragment):
                    yield self.diagnostic(self._no_anchor(url, parts.fragment, found), link.start, link.end)

    @staticmethod
    def _holds_its_files(doc, files, here: Path) -> bool:
        """Outside a checkout, the folder is the list's own only when some relative link finds its file."""
        for link in doc.links:
            if in_repository(link.url):
                path = unquote(urlsplit(link.url.strip()).path)
                if path and files.exists(files.resolve(here / path.lstrip("/"))):
                    return True
        return False

    @staticmethod
    def _read_targets(files, path: Path) -> set[str] | None:
        text = files.read_text(path)
        return None if text is None else _targets(Document(text, str(path)))

    @staticmethod
    def _no_anchor(url: str, fragment: str, targets: set[str]) -> str:
        import difflib  # only for a broken anchor: not worth every run's import

        # a hint names a heading or an anchor of the page, never "#top" for "#TP"
        close = difflib.get_close_matches(unquote(fragment).lower(), sorted(targets - PAGE_ANCHORS), n=1)
        hint = f" (did you mean #{close[0]}?)" if close else ""
        return f"anchor '{url}' matches no heading or anchor{hint}"
