"""Where a classic item's description sentence ends, and how its first word reads.

Shared by the conventions model (which counts what items do) and the rules
(which report the items that depart), so both read a description alike.
"""
from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter

LATIN_ENDINGS = ".!?…"
ENDINGS = LATIN_ENDINGS + "。！？．"  # CJK full stops too
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CLOSING_QUOTES = "\"'”’»"

_CODE_TAIL = re.compile(r"(`+)[^`]*?\1\Z")
_HTML_TAIL = re.compile(r"<[^<>\n]*>\Z")
_HASHTAG_TAIL = re.compile(r"(?:[ \t]+#[A-Za-z][\w-]*)+\Z")  # "... models. #opensource" (not "C#")
_EMPHASIS_ONLY = re.compile(r"([*_]{1,2})[^*_]+\1\Z")
_WORD = re.compile(r"[^\s\-;/,:()\[\]]+")
_OPENING_EMPHASIS = re.compile(r"[ \t]+(?:\*{1,2}|_{1,2})\Z")
_PAGE_LINK_TAIL = re.compile(r"\n[ \t>]*[*_]*\[[^\]\n]*\]\(#[^)\s]*\)[*_]*\Z")
_DANGLING_SEPARATOR = re.compile(r"[ \t]+[-\u2013\u2014]\Z")
_BARE_URL_TAIL = re.compile(r"(?:https?://|www\.)\S+\Z", re.I)


def stop_for(text: str) -> tuple[str, str]:
    """(the stop to add, the stops that would do) for a sentence in ``text``'s script:
    a Chinese or Japanese sentence ends with '。', an English one with '.'."""
    if _CJK.search(text):
        return "。", "'。', '！', '？' or '.'"
    return ".", "'.', '!', '?' or '…'"


def is_symbol(ch: str) -> bool:
    if ch < "\x80":
        return False  # backticks and carets are markdown, not emoji
    cat = unicodedata.category(ch)
    return cat in ("So", "Sk", "Cf", "Mn") or ch in "\ufe0f\u200d"


def is_image_like(doc, link) -> bool:
    inner = doc.text[link.text_start:link.text_end].strip()
    return link.image or (inner.startswith("![") and inner.endswith((")", "]")))


def only_aside(text: str) -> bool:
    """A description that is only a parenthetical or emoji needs no separator."""
    bare = "".join(ch for ch in text if not is_symbol(ch)).strip()
    return not bare or (bare.startswith("(") and bare.endswith(")"))


def matching_open(text: str) -> int | None:
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


def _emphasised_aside(head: str) -> bool:
    """``*(see also ...)*``, ``**[Deprecated]**``: emphasis wrapping a trailing
    parenthetical or tag."""
    return head.rstrip("*_").endswith((")", "]"))


def prose_end(doc, entry, desc) -> int:
    """Where the sentence ends: before trailing code spans, parentheticals,
    badges, bracketed links, HTML tags, hashtags and emoji (licence tags,
    language tags, demo links)."""
    text = doc.text
    end = desc.end
    badges = {l.end: l.start for l in entry.links if is_image_like(doc, l)}
    # trailing links wrapped in brackets: `[[website](url)]`, `[Demo](url)]`
    link_ends = {l.end for l in entry.links if not l.image}
    bracketed = {}
    for l in entry.links:
        if text[l.start - 1:l.start] == "[" and text[l.end:l.end + 1] == "]":
            bracketed[l.end + 1] = l.start - 1
    while end > desc.start:
        stripped = end
        while stripped > desc.start and (text[stripped - 1].isspace() or is_symbol(text[stripped - 1])):
            stripped -= 1
        head = text[desc.start:stripped]
        if (m := _DANGLING_SEPARATOR.search(head)) is not None and m.start() > 0:
            stripped = desc.start + m.start()  # "files. - ![Freeware](...)": a separator before the badges
        elif text[stripped - 1:stripped] == "\\":  # a hard line break
            stripped -= 1
        elif text[stripped - 1:stripped] in ("*", "_") and _emphasised_aside(head):
            stripped = desc.start + len(head.rstrip("*_"))
        elif (m := _OPENING_EMPHASIS.search(head)) is not None and m.start() > 0:
            stripped = desc.start + m.start()  # "models **" once "[Deprecated]**" is gone: the tag's opening
        elif stripped in badges:
            stripped = badges[stripped]
        elif (m := _PAGE_LINK_TAIL.search(head)) is not None and m.start() > 0:
            stripped = desc.start + m.start()  # "validation.\n  **[⬆ back to top](#contents)**": no part of the sentence
        elif stripped in bracketed and bracketed[stripped] > desc.start:
            stripped = bracketed[stripped]
        elif (m := _CODE_TAIL.search(head)) is not None:
            stripped = desc.start + m.start()
        elif (m := _HTML_TAIL.search(head)) is not None:
            stripped = desc.start + m.start()
        elif (m := _HASHTAG_TAIL.search(head)) is not None and m.start() > 0:
            stripped = desc.start + m.start()
        elif head.endswith(")") and (opening := matching_open(head)) is not None and opening > 0 \
                and not head[:opening].endswith("]"):
            stripped = desc.start + opening
        elif head.endswith("]") and stripped not in link_ends and (opening := head.rfind("[")) > 0 and "](" not in head[opening:] \
                and "[" not in head[opening + 1:]:
            stripped = desc.start + opening  # a trailing tag such as `[GPL]` or `[5794⭐]`
            while stripped > desc.start and text[stripped - 1] in "/,&+ ":
                stripped -= 1  # between two tags: `[MIT]/[Apache2]`
        if stripped == end:
            break
        end = stripped
    return end


# a line that is only a link within the page: "**[⬆ back to top](#contents)**"
_PAGE_LINK_LINE = re.compile(r"[*_]*\[[^\]\n]*\]\(#[^)\s]*\)[*_]*")


def lazy_label(doc, entry) -> tuple[int, int] | None:
    """Where a line meant to stand on its own runs on from the item above it: a
    label over what follows ("LLM-based:") or a link back up the page, unindented,
    with no blank line before it, which markdown folds into the item's paragraph.
    None if none."""
    if entry.end_line - entry.start_line < 2 or entry.fields.get("bullet") is None:
        return None
    line = doc.lines[entry.end_line - 1]
    text = line.rstrip()
    if not line[:1].strip() or line.lstrip()[:2] in ("- ", "* ", "+ ") \
            or not (text.endswith(":") or _PAGE_LINK_LINE.fullmatch(text)):
        return None
    start = doc.line_starts[entry.end_line - 1]
    return start, start + len(line.rstrip())


STOCK_LABEL_COPIES = 3
_STOCK: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def stock_labels(doc) -> frozenset[str]:
    """Words that several items run on from their names the same way, with no separator
    ("[awesome-flask](u) 系列", "[Tool](u) homepage"): the list's own stock label, part
    of the name's phrase and not a sentence.  (A description after a separator, or one
    that ends with a stop, is a sentence however many items share it.)"""
    found = _STOCK.get(doc)
    if found is None:
        texts = Counter(_squeezed(d.text) for e in doc.entries if e.kind == "item"
                        and "separator" not in e.fields
                        if (d := e.fields.get("description")) is not None and d.text.rstrip()[-1:] not in ENDINGS)
        found = _STOCK[doc] = frozenset(t for t, n in texts.items() if n >= STOCK_LABEL_COPIES)
    return found


def ending(doc, entry, desc) -> tuple[str, int] | None:
    """How the description's sentence ends: ("stop" | "none", end offset), or
    None when there is no sentence to judge (an attribution, a bare URL...)."""
    if _EMPHASIS_ONLY.match(desc.text.strip()):
        return None  # an attribution such as *Jane Doe*, not a sentence
    if "separator" not in entry.fields and _squeezed(desc.text) in stock_labels(doc):
        return None  # a label the list repeats, such as "系列" ("series") after a pointer
    if lazy_label(doc, entry) is not None:
        return None  # the item's own sentence ends before the label (reported on its own)
    end = prose_end(doc, entry, desc)
    prose = doc.text[desc.start:end]
    if not prose.strip() or only_aside(prose):
        return None
    core = prose.rstrip("*_~ \t\n")
    if _BARE_URL_TAIL.search(core):
        return None  # a stop after a bare URL would become part of the link
    core_end = desc.start + len(core)
    closing = next((l for l in entry.links if l.end == core_end and not l.image), None)
    if closing is not None and closing.text:
        core = closing.text  # a sentence may end inside its link: [... use decimals.](url)
    last = core[-1:]
    stops = ENDINGS if _CJK.search(core) else LATIN_ENDINGS  # '。' ends a Chinese sentence, not an English one
    if last in stops or (last in CLOSING_QUOTES and core.rstrip(CLOSING_QUOTES)[-1:] in stops):
        return "stop", end  # (also inside quotes, nested ones too: ``... 'passion.'"``)
    if last == ":" and _sub_items_follow(doc, entry, core_end):
        return None  # a lead-in to the sub-items below it, no sentence to end
    before = _before_trailing_links(doc, entry, desc, core_end)
    if before is not None and before[-1:] in stops:
        return "stop", end  # "... elegant. [Freeware][Freeware Icon]": links after the sentence
    aside = doc.text[end:desc.end].strip(" \t\n*_~")
    inner = aside[1:-1].rstrip() if aside.startswith("(") and aside.endswith(")") else ""
    if inner.endswith(".") and not inner.endswith(".."):
        # "... embeddings (e.g. search for "death".)": the list's full stop, put inside the
        # aside; "(map, filter...)" or "(new features!)" leave the sentence open
        return "stop", end
    return "none", end


_SUB_ITEM = re.compile(r"[ \t]+(?:[-*+]|\d{1,3}[.)])[ \t]")


def _sub_items_follow(doc, entry, at: int) -> bool:
    """Whether the line after offset ``at`` is a list item nested in the entry's."""
    line = doc.line_col(at)[0] + 1
    if line >= len(doc.lines):
        return False
    indent = len(doc.lines[entry.start_line]) - len(doc.lines[entry.start_line].lstrip(" \t>"))
    nxt = doc.lines[line]
    return bool(_SUB_ITEM.match(nxt)) and len(nxt) - len(nxt.lstrip(" \t>")) > indent


def _before_trailing_links(doc, entry, desc, end: int) -> str | None:
    """The text before the links the description ends with, or None if it ends with none."""
    ends = {l.end: l.start for l in entry.links}
    seen = False
    while end in ends and ends[end] > desc.start:
        end = ends[end]
        seen = True
        while end > desc.start and doc.text[end - 1] in " \t[]":
            end -= 1
    return doc.text[desc.start:end].rstrip("*_ \t") if seen else None


def first_word(entry, desc) -> tuple[str, int]:
    text = desc.text
    i = 0
    while i < len(text) and text[i] in "*_~ \t":
        i += 1
    if text[i:i + 1] == "[":
        link = next((l for l in entry.links if l.start == desc.start + i), None)
        if link is not None and not link.image:
            m = _WORD.match(link.text)
            return (m.group() if m else ""), desc.start + i
    m = _WORD.match(text, i)
    return (m.group() if m else ""), desc.start + i


def casing(entry, desc, allowed) -> tuple[str, str, int] | None:
    """("capital" | "lower", word, offset) of the first word, or None when case says nothing."""
    word, at = first_word(entry, desc)
    if not word or not word[0].isalpha() or not (word[0].islower() or word[0].isupper()):
        return None  # digits, code spans, quotes, emoji, scripts without case
    if word[0].isupper():
        return "capital", word, at
    if any(ch.isupper() or ch.isdigit() for ch in word) or word in allowed or word.rstrip(".,") in allowed:
        return None  # iOS, jQuery, x86, npm
    token = desc.text[at - desc.start:].split(None, 1)[0] if desc.text[at - desc.start:].strip() else word
    bare = token.rstrip(".,;:")
    if any(mark in bare for mark in ("::", "_", "(", ".")) or ("/" in bare and "-" in bare):
        return None  # an identifier, a path or a function: `std::tuple`, `vhf/free-books`, `a.k.a.`
    own = _WORD.findall(entry.title) if entry.title else []
    if own and re.sub(r"['\u2019]s$", "", word) == own[0]:
        return None  # the item's own lower-case name, spelt as its authors spell it: "jsblocks is ..."
    if len(own) > 1 and entry.title == entry.title.lower() and word == own[-1] == bare and len(word) >= 4:
        return None  # the name a prefix sets apart in a lower-case name: "isatty" of "go-isatty"
    if _in_own_url(entry, bare):
        return None  # a name the item's address spells too: "beego is ..." (github.com/beego/beego)
    return "lower", word, at


_URL_TOKEN = re.compile(r"\w+(?:-\w+)*")


def _in_own_url(entry, token: str) -> bool:
    """Whether the word is a whole name in the path of the item's own link (an
    owner, a repository): "nanomsg-next-generation" is not "nanomsg", nor is
    "zero-allocation" the crate "zero"."""
    url = entry.primary_url or ""
    path = url.split("://", 1)[-1].partition("/")[2].lower()
    if not path:
        return False
    names = set(_URL_TOKEN.findall(path))  # whole names only: "vue-music-player" is no name "music"
    word = token.lower()
    return len(word) >= 3 and word in names


# Words that carry on the name's sentence ("[Series](u) on YouTube by Jane"):
# such a description needs no separator and no capital.
CONTINUATIONS = frozenset({"by", "on", "in", "from", "for", "at", "via", "with", "and", "or", "of", "to", "as",
                           "is", "are", "was", "were", "has", "have"})  # "[Anafora](u) is free and ..."


def continues_name(entry, desc) -> bool:
    word, at = first_word(entry, desc)
    after = desc.text[at - desc.start + len(word):][:1]
    if word in CONTINUATIONS and after in (" ", "\t"):  # "on YouTube", not "on-device"
        return True
    # with no separator, a lower-case word carries the name's sentence on: the
    # name is its subject ("[Indonesian fastText](u) trained on Wikipedia."); an
    # article starts a description of its own ("[Roast](u) an app built to ...")
    return ("separator" not in entry.fields and word[:1].islower() and word not in _ARTICLES
            and at == desc.start and after in (" ", "\t"))


_ARTICLES = frozenset({"a", "an", "the"})
