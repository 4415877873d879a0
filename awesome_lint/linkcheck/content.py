"""What a page's address and first bytes say about it: sign-in pages and "not found" pages."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

_LOGIN_PATH = re.compile(
    r"(?:^|/)(?:log-?in|log_in|sign-?in|sign_in|signon|sso|auth|authenticate|session/new|sessions/new"
    r"|servicelogin|oauth2?/authorize|users/sign_in|account/login|accounts/login|idp)(?:[/.;]|$)",
    re.IGNORECASE,
)
_LOGIN_HOST = re.compile(r"^(?:login|signin|sso|auth|idp|accounts?)\.", re.IGNORECASE)

_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NOT_FOUND = re.compile(
    r"\b(?:404|not found|page (?:is )?missing|(?:does not|doesn'?t|no longer) exists?"
    r"|(?:could ?n[o']t|can ?n[o']t|cannot) be found|(?:could ?n[o']t|can ?n[o']t|cannot) find"
    r"|no longer available|has been (?:removed|deleted)|page unavailable)\b",
    re.IGNORECASE,
)


def login_page(url: str) -> bool:
    """Whether the URL looks like a sign-in page (judged on where a redirect chain ends)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_LOGIN_PATH.search(parts.path) or _LOGIN_HOST.match(parts.hostname or ""))


def headings(body: bytes) -> list[str]:
    """The page's <title> and first <h1>, as plain text."""
    text = body.decode("utf-8", "replace")
    found = []
    for pattern in (_TITLE, _H1):
        match = pattern.search(text)
        if match:
            found.append(" ".join(html.unescape(_TAG.sub(" ", match.group(1))).split()))
    return found


def says_not_found(body: bytes) -> bool:
    return any(_NOT_FOUND.search(line) for line in headings(body))
