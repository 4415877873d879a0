"""A markdown report of a run, for a CI job summary ($GITHUB_STEP_SUMMARY).

Per file: the findings counted by rule, the list's size per section, and for
paper lists the entries per year, so a reviewer sees at a glance what a pull
request did to the list, not only what is wrong with it.
"""
from __future__ import annotations

from collections import Counter

from ..model import dates
from .output import Finding, counts
from ..model.papers import venue_year

def entry_year(entry) -> int | None:
    """The year of a paper entry: the one in its date, else the one in its venue."""
    field = entry.fields.get("date")
    parsed = dates.parse(field.text) if field is not None else None
    if parsed is not None and parsed.year is not None:
        return parsed.year
    return venue_year(entry)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip() or "(untitled)"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def section_name(section, doc) -> str:
    chain = []
    while section is not None and section.heading is not None:
        chain.append(section.title)
        section = section.parent
    chain.reverse()
    titles = [s for s in doc.sections if s.level == 1]
    # The list's own title heads every section when it is the only H1: leave it out.
    if len(chain) > 1 and len(titles) == 1 and chain[0] == titles[0].title:
        chain = chain[1:]
    return " / ".join(chain) if chain else "(before the first heading)"


def findings_table(findings: list[Finding]) -> list[str]:
    rows = ["| rule | errors | warnings | fixable |", "| --- | ---: | ---: | ---: |"]
    for rule, errors, warnings, fixable in sorted(counts(findings)):
        rows.append(f"| `{rule}` | {errors} | {warnings} | {fixable} |")
    return rows


def headline(findings: list[Finding]) -> str:
    if not findings:
        return ":white_check_mark: No findings."
    errors = sum(1 for f in findings if f.severity == "error")
    fixable = sum(1 for f in findings if f.fixable)
    mark = ":x:" if errors else ":warning:"
    text = f"{mark} {_plural(errors, 'error')} and {_plural(len(findings) - errors, 'warning')}"
    if fixable:
        text += f" ({fixable} fixable with `awesome-lint --fix`)"
    return text + "."


def list_tables(doc) -> list[str]:
    counted = [(section_name(s, doc), len(s.entries)) for s in doc.sections if s.entries]
    kind = "papers" if doc.family == "papers" else "entries"
    out = [
        f"<details><summary>The list: {len(doc.entries)} {'entry' if len(doc.entries) == 1 else 'entries'}"
        f" in {_plural(len(counted), 'section')}</summary>",
        "",
        f"| section | {kind} |",
        "| --- | ---: |",
    ]
    out += [f"| {_cell(name)} | {n} |" for name, n in counted]
    out += ["", "</details>"]
    if doc.family == "papers" and doc.entries:
        years = Counter(entry_year(e) for e in doc.entries)
        out += ["", "<details><summary>Papers per year</summary>", "", "| year | papers |", "| --- | ---: |"]
        out += [f"| {year} | {years[year]} |" for year in sorted((y for y in years if y is not None), reverse=True)]
        if years[None]:
            out.append(f"| no year | {years[None]} |")
        out += ["", "</details>"]
    return out


def render(files: list[tuple[str, object]], findings: list[Finding], changed_since: str | None = None) -> str:
    """``files``: (shown path, Document) per linted file, in order."""
    out = []
    for path, doc in files:
        mine = [f for f in findings if f.path == path]
        out += [f"### awesome-lint: `{path}`", "", headline(mine)]
        if changed_since:
            out += ["", f"Only lines added or changed since `{changed_since}` were checked."]
        if mine:
            out += ["", *findings_table(mine)]
        out += ["", *list_tables(doc), ""]
    return "\n".join(out) + "\n"


def append(target: str, files: list[tuple[str, object]], findings: list[Finding],
           changed_since: str | None = None) -> None:
    """Append the report to ``target``; job summaries are shared by every step of a job."""
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(render(files, findings, changed_since))
