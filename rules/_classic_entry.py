"""entry-format for classic lists: ``- [Name](url) - Description.``

Called by ``entry_format.EntryFormat`` when the list is a classic one.  Each
check looks at one field of an item (see ``awesome_lint/items.py``) and, where
the change cannot alter the meaning, offers a safe fix of that field alone.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from awesome_lint.model.autolinks import bare_urls
from awesome_lint.model.rendered import written_end
from awesome_lint.rule import Fix, WARNING

CANONICAL_SEPARATOR = " - "
ENDINGS = ".!?…"
CLOSING_QUOTES = "\"'”’»"
DEFAULT_ALLOWED_WORDS = ["npm", "pnpm", "webpack", "esbuild", "e.g.", "i.e.", "vs.", "etc."]

_CODE_TAIL = re.compile(r"(`+)[^`]*?\1\Z")
_HTML_TAIL = re.compile(r"<[^<>\n]*>\Z")
_LINE_BULLET = re.compile(r"(?P<lead>[ \t>]*)(?P<b>[-*+])(?=[ \t]|$)")
_SUBJECT = re.compile(r"(?:\s*\([^)]*\))?(?:,|'s\b|’s\b|\s+(?:is|are|was|has|provides|allows|lets|offers|enables|helps|makes|supports)\b)")
_EMPHASIS_ONLY = re.compile(r"([*_]{1,2})[^*_]+\1\Z")
_ASIDE = re.compile(r"[ \t]*\((?![^()]*\]\()[^()\n]*\)")
_WORD = re.compile(r"[^\s\-;/,:()\[\]]+")


def check(rule, doc, ctx):
    options = rule.options
    yield from _bullets(rule, doc, getattr(options, "bullet", "-"))
    allow_link_only = getattr(options, "allow_link_only", True)
    allowed = set(getattr(options, "allowed_words", None) or DEFAULT_ALLOWED_WORDS)
    for entry in doc.entries:
        if entry.kind != "item":
            continue
        yield from _gap(rule, doc, entry)
        yield from _separator(rule, doc, entry)
        desc = entry.fields.get("description")
        if desc is None:
            if not allow_link_only:
                name = entry.fields["name"]
                yield rule.diagnostic(f"item '{entry.title}' has no description", name.start, name.end,
                                      severity=WARNING)
            continue
        yield from _ending(rule, doc, entry, desc)
        repeated = list(_repeats_name(rule, doc, entry, desc))
        yield from repeated
        if not repeated:
            yield from _casing(rule, doc, entry, desc, allowed)


# -- bullets -------------------------------------------------------------------
def _bullet_items(doc):
    """(offset of the marker, marker) of every bullet list item, items or not."""
    seen = set()
    for block in doc.blocks:
        if block.kind != "list_item" or block.start_line in seen or block.start_line in doc.code_lines:
            continue
        seen.add(block.start_line)
        m = _LINE_BULLET.match(doc.lines[block.start_line])
        if m:
            yield doc.line_starts[block.start_line] + m.start("b"), m.group("b")
    for entry in doc.entries:
        bullet = entry.fields.get("bullet")
        if entry.kind == "item" and bullet and entry.start_line not in seen:
            yield bullet.start, bullet.text  # glued items markdown does not see


def _bullets(rule, doc, wanted):
    found = list(_bullet_items(doc))
    if not found:
        return
    if wanted not in ("-", "*", "+"):  # "consistent": the marker most items use
        wanted = Counter(m for _, m in found).most_common(1)[0][0]
    for offset, marker in found:
        if marker != wanted:
            yield rule.diagnostic(f"list item bullet should be '{wanted}', not '{marker}'", offset, offset + 1,
                                  Fix.replace(offset, offset + 1, wanted, f"use '{wanted}'"))


def _gap(rule, doc, entry):
    gap = entry.fields.get("gap")
    if gap is None or gap.text == " ":
        return
    if gap.text == "":
        yield rule.diagnostic("no space after the bullet: markdown does not see this line as a list item",
                              gap.start - 1, gap.end + 1, Fix.replace(gap.start, gap.end, " ", "insert a space"))
        return
    fix = None
    if entry.end_line == entry.start_line + 1 and _nothing_nested(doc, entry, gap):
        fix = Fix.replace(gap.start, gap.end, " ", "use one space")
    yield rule.diagnostic("use one space between the bullet and the link", gap.start, gap.end, fix)


def _nothing_nested(doc, entry, gap) -> bool:
    """Narrowing the gap moves the item's content column: safe only when no
    indented line follows that would change parent."""
    for line in doc.lines[entry.end_line:]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        bullet_col = gap.start - 1 - doc.line_starts[entry.start_line]
        return indent <= bullet_col or "\t" in line[:indent]
    return True


# -- separator -------------------------------------------------------------------
def _separator(rule, doc, entry):
    sep = entry.fields.get("separator")
    desc = entry.fields.get("description")
    if sep is not None:
        if sep.text != CANONICAL_SEPARATOR:
            yield rule.diagnostic(
                f"separate the name and the description with ' - ', not {sep.text!r}", sep.start, sep.end,
                Fix.replace(sep.start, sep.end, CANONICAL_SEPARATOR, "use ' - '"),
            )
        return
    if desc is None or _only_aside(desc.text):
        return
    start = entry.fields["name"].start
    yield rule.diagnostic("separate the name and the description with ' - '", start, desc.start + 1)


def _only_aside(text: str) -> bool:
    """A description that is only a parenthetical or emoji needs no separator."""
    bare = "".join(ch for ch in text if not _is_symbol(ch)).strip()
    return not bare or (bare.startswith("(") and bare.endswith(")"))


# -- final punctuation ---------------------------------------------------------------
def _prose_end(doc, entry, desc) -> int:
    """Where the sentence ends: before trailing code spans, parentheticals,
    badges, HTML tags and emoji (licence tags, language tags, demo links)."""
    text = doc.text
    end = desc.end
    badges = {l.end: l.start for l in entry.links if _is_image_like(doc, l)}
    while end > desc.start:
        stripped = end
        while stripped > desc.start and (text[stripped - 1].isspace() or _is_symbol(text[stripped - 1])):
            stripped -= 1
        head = text[desc.start:stripped]
        if text[stripped - 1:stripped] == "\\":  # a hard line break
            stripped -= 1
        elif text[stripped - 1:stripped] in ("*", "_") and _emphasised_aside(head):
            stripped = desc.start + len(head.rstrip("*_"))
        elif stripped in badges:
            stripped = badges[stripped]
        elif (m := _CODE_TAIL.search(head)) is not None:
            stripped = desc.start + m.start()
        elif (m := _HTML_TAIL.search(head)) is not None:
            stripped = desc.start + m.start()
        elif head.endswith(")") and (opening := _matching_open(head)) is not None and opening > 0 \
                and not head[:opening].rstrip().endswith("]"):
            stripped = desc.start + opening
        if stripped == end:
            break
        end = stripped
    return end


def _after_aside(text: str, end: int, limit: int) -> int:
    """A parenthetical without links that follows the sentence belongs to it:
    "classes (a fork of X)." rather than "classes. (a fork of X)"."""
    m = _ASIDE.match(text, end, limit)
    return m.end() if m else end


def _balanced(text: str) -> bool:
    """Parentheses outside link destinations pair up (else the end is unclear)."""
    text = re.sub(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)", "]", text)
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


def _emphasised_aside(head: str) -> bool:
    """``*(see also ...)*``: emphasis wrapping a trailing parenthetical."""
    return head.rstrip("*_").endswith(")")


def _matching_open(text: str) -> int | None:
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


def _after_bare_url(text: str, start: int, at: int) -> bool:
    """A full stop at ``at`` would be glued to a bare URL: readers copy it along."""
    return any(written_end(text, end, at) == at for _, end, _ in bare_urls(text, start, at))


def _is_image_like(doc, link) -> bool:
    inner = doc.text[link.text_start:link.text_end].strip()
    return link.image or (inner.startswith("![") and inner.endswith((")", "]")))


def _is_symbol(ch: str) -> bool:
    if ch < "\x80":
        return False  # backticks and carets are markdown, not emoji
    cat = unicodedata.category(ch)
    return cat in ("So", "Sk", "Cf", "Mn") or ch in "\ufe0f\u200d"


def _ending(rule, doc, entry, desc):
    if _EMPHASIS_ONLY.match(desc.text.strip()):
        return  # an attribution such as *Jane Doe*, not a sentence
    end = _prose_end(doc, entry, desc)
    prose = doc.text[desc.start:end]
    if not prose.strip() or _only_aside(prose):
        return
    core = prose.rstrip("*_~ \t\n")
    closing = next((l for l in entry.links if l.end == desc.start + len(core) and not l.image), None)
    if closing is not None and closing.text:
        core = closing.text  # a sentence may end inside its link: [... use decimals.](url)
    last = core[-1:]
    if last in ENDINGS:
        return
    if last in CLOSING_QUOTES and core[-2:-1] in ENDINGS:
        return
    fix = None
    if (last.isalnum() or last in CLOSING_QUOTES or last in "`") and _balanced(prose):
        at = _after_aside(doc.text, end, desc.end)
        if not _after_bare_url(doc.text, desc.start, at):
            fix = Fix.replace(at, at, ".", "end the description with '.'")
    yield rule.diagnostic("description should end with '.', '!', '?' or '…'", max(end - 1, desc.start), end, fix)


# -- first word ------------------------------------------------------------------------
def _first_word(doc, entry, desc) -> tuple[str, int]:
    text = desc.text
    i = 0
    while i < len(text) and text[i] in "*_~ \t":
        i += 1
    if text[i:i + 1] == "[":
        link = next((l for l in entry.links if l.start == desc.start + i), None)
        if link is not None and not link.image:
            return _WORD.match(link.text).group() if _WORD.match(link.text) else "", desc.start + i
    m = _WORD.match(text, i)
    return (m.group() if m else ""), desc.start + i


def _casing(rule, doc, entry, desc, allowed):
    word, at = _first_word(doc, entry, desc)
    if not word:
        return
    first = word[0]
    if not first.isalpha() or not first.islower():
        return  # capitals, digits, code spans, quotes, emoji, scripts without case
    if any(ch.isupper() or ch.isdigit() for ch in word) or word in allowed or word.rstrip(".,") in allowed:
        return  # iOS, jQuery, x86, npm
    yield rule.diagnostic(f"description should start with a capital letter ('{word}')", at, at + len(word),
                          severity=WARNING)


def _repeats_name(rule, doc, entry, desc):
    name = entry.title.strip()
    if not name:
        return
    text = desc.text.lstrip("*_\"“ \t")
    if text.lower().startswith(name.lower()):
        rest = text[len(name):]
        # "Delay a promise" after [delay] or "Redis client." after [Redis]
        # say what it does; "Foo is a ...", "Foo, formerly Bar, ..." repeat it.
        if not rest or (rest[0] in " \t,(:'’" and _SUBJECT.match(rest)):
            yield rule.diagnostic(f"description should not repeat the item name '{name}'",
                                  desc.start, desc.start + len(desc.text) - len(text) + len(name),
                                  severity=WARNING)
