"""local-link: relative files and #anchors, on real files in a temporary repository."""
from __future__ import annotations

from awesome_lint.model.document import Document
from awesome_lint.rule import Context
from awesome_lint.rules.local_link import LocalLink


def findings(path, text=None):
    text = path.read_text() if text is None else text
    return [d.message for d in LocalLink().check(Document(text, str(path)), Context(path=str(path)))]


def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Guide\n\n## Install Steps\n\n<a name=\"legacy\"></a>\n")
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "logo.svg").write_text("<svg/>")
    return tmp_path


def test_files_and_anchors(tmp_path):
    root = repo(tmp_path)
    path = root / "README.md"
    path.write_text(
        "# Awesome\n\n<a id=\"top-anchor\"></a>\n\n## Tools & Things\n\n"
        "- [Guide](docs/guide.md) - ok.\n"
        "- [Steps](docs/guide.md#install-steps) - ok.\n"
        "- [Legacy](docs/guide.md#legacy) - ok, a name anchor.\n"
        "- [Bad step](docs/guide.md#uninstall) - missing anchor.\n"
        "- [Logo](/media/logo.svg) - from the repository root.\n"
        "- [Spaced](docs/no%20such.md) - missing.\n"
        "- [Section](#tools--things) - ok.\n"
        "- [Top](#top-anchor) - ok.\n"
        "- [Typo](#tools-things) - no such heading.\n"
        "- [Site](https://example.org/x.md) - not local.\n"
        "- [Mail](mailto:a@example.org) - not local.\n"
        "\n```\n[Code](missing.md)\n```\n"
    )
    assert findings(path) == [
        "anchor 'docs/guide.md#uninstall' matches no heading or anchor (did you mean #install-steps?)",
        "link to a missing file: docs/no such.md",
        "anchor '#tools-things' matches no heading or anchor (did you mean #tools--things?)",
    ]


def test_relative_to_the_linted_file(tmp_path):
    root = repo(tmp_path)
    path = root / "docs" / "index.md"
    path.write_text("# Docs\n\n- [Guide](guide.md)\n- [Up](../README.md)\n")
    assert findings(path) == ["link to a missing file: ../README.md"]


def test_table_of_contents_anchors_are_left_to_the_toc_rule(tmp_path):
    path = repo(tmp_path) / "README.md"
    path.write_text("# L\n\n## Contents\n\n- [Tools](#tool)\n\n## Tools\n\nSee [here](#tool).\n")
    assert findings(path) == ["anchor '#tool' matches no heading or anchor (did you mean #tools?)"]


def test_repeated_headings_get_numbered_slugs(tmp_path):
    path = repo(tmp_path) / "README.md"
    path.write_text("# L\n\n## Tools\n\n## Tools\n\n[a](#tools-1) [b](#tools-2)\n")
    assert findings(path) == ["anchor '#tools-2' matches no heading or anchor (did you mean #tools-1?)"]


def test_stdin_checks_anchors_only():
    text = "# L\n\n[a](missing.md) [b](#nowhere)\n"
    found = [d.message for d in LocalLink().check(Document(text), Context(path=None))]
    assert found == ["anchor '#nowhere' matches no heading or anchor"]


def test_link_pasted_into_a_destination_is_malformed_not_a_missing_file(tmp_path):
    from awesome_lint.model.document import Document
    from awesome_lint.rule import Context
    from awesome_lint.rules.local_link import LocalLink

    text = "# A\n\n- [x]([https://a.example](https://a.example)) - X.\n"
    path = tmp_path / "README.md"
    path.write_text(text)
    doc = Document(text, str(path))
    messages = [d.message for d in LocalLink().check(doc, Context(path=str(path)))]
    assert messages == ["malformed link: its destination '[https://a.example](https://a.example)' is itself markdown"]


def test_outside_a_checkout_files_are_checked_only_where_the_folder_holds_some(tmp_path):
    copied = tmp_path / "copied"
    copied.mkdir()
    (copied / "README.md").write_text("# A\n\n- [Guide](docs/guide.md) - not here.\n- [B](b.md) - nor this.\n")
    assert findings(copied / "README.md") == []  # a README copied out of its repository
    own = tmp_path / "own"
    own.mkdir()
    (own / "guide.md").write_text("# Guide\n")
    (own / "README.md").write_text("# A\n\n- [Guide](guide.md) - here.\n- [B](b.md) - missing.\n")
    assert findings(own / "README.md") == ["link to a missing file: b.md"]


def test_a_placeholder_destination_is_neither_a_url_nor_a_file_even_out_of_a_checkout(tmp_path):
    (tmp_path / "README.md").write_text("# A\n\n| Title | Conf |\n|---|---|\n| [Pelee](nan) | NIPS |\n"
                                        "| [Glow](https://arxiv.org/abs/1807.03039) | NIPS |\n\n- [OSS](1) - A tool.\n")
    assert findings(tmp_path / "README.md") == ["link to 'nan', which is neither a URL nor a file",
                                                "link to '1', which is neither a URL nor a file"]


def test_the_page_top_and_the_readme_box_are_anchors_of_every_page(tmp_path):
    # "#top" needs no heading (HTML), and GitHub shows the README in an element with id "readme"
    path = tmp_path / "README.md"
    text = ("# Awesome\n\n## Tools\n\n- [A](https://a.example) - One.\n\n"
            "**[⬆ back to top](#readme)** [up](#top) [up](#README) [up](#tops) [up](#tool)\n")
    # hints name the page's own headings, never the page anchors
    assert findings(path, text) == [
        "anchor '#tops' matches no heading or anchor (did you mean #tools?)",
        "anchor '#tool' matches no heading or anchor (did you mean #tools?)",
    ]


def test_a_web_address_without_its_scheme_is_a_dead_relative_link(tmp_path):
    root = repo(tmp_path)
    (root / "setup.py").write_text("")
    path = root / "README.md"
    text = ("# Awesome\n\n"
            "- [A](www.bioinf.uni-freiburg.de/~costa/EDeNcpp.tgz) - no scheme.\n"
            "- [B](golang.org/x/net/html) - no scheme.\n"
            "- [C](igraph.org) - no scheme.\n"
            "- [D](setup.py) - a file of the repository.\n"
            "- [E](docs/guide.md) - a file of the repository.\n"
            "- [F](README.md) - this file.\n")
    path.write_text(text)
    assert findings(path) == [
        f"link to '{url}' has no scheme, so it points at a file of this repository: a web address starts with 'https://'"
        for url in ("www.bioinf.uni-freiburg.de/~costa/EDeNcpp.tgz", "golang.org/x/net/html", "igraph.org")]
    # the fix writes the scheme in, and is offered as unsafe (the site may serve http only)
    doc = Document(text, str(path))
    fixes = [d.fix for d in LocalLink().check(doc, Context(path=str(path)))]
    assert all(f.applicability == "unsafe" for f in fixes)
    assert text[:fixes[1].edits[0].start].endswith("[B](") and fixes[1].edits[0].text == "https://"
