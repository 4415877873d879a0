"""--fix and odd files: FIFOs, devices, symlinks, hard links, owners, read-only files,
changes made meanwhile, unwritable places.  Each failure is one line, exit 2, file intact."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading

import pytest

from awesome_lint.app.cli import main
from awesome_lint.app.source import InputError, read_stamped, write_path

BROKEN = "# L\n\n## Contents\n\n- [Tools](#tool)\n\n## Tools\n\n- [A](https://a.example) - An A.\n"
FIXED = BROKEN.replace("(#tool)", "(#tools)")
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def fix(capsys, *argv):
    code = main(["--select", "toc", "--fix", *map(str, argv)])
    _, err = capsys.readouterr()
    return code, err


@pytest.fixture
def readme(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(BROKEN)
    return path


def test_a_fifo_is_refused_without_blocking(tmp_path, capsys):
    fifo = tmp_path / "f.md"
    os.mkfifo(fifo)
    code, err = fix(capsys, fifo)
    assert code == 2 and err == f"awesome-lint: {fifo}: not a regular file (a FIFO, socket or device)\n"


def test_a_device_is_refused_without_reading_it(capsys):
    code, err = fix(capsys, "/dev/zero")
    assert code == 2 and "/dev/zero: not a regular file" in err


def test_size_cap_from_the_flag_and_from_the_config(tmp_path, readme, capsys):
    code, err = fix(capsys, "--max-file-size", "50", readme)
    assert code == 2 and err.endswith(f"{readme}: file is larger than the limit of 50 bytes (max-file-size)\n")
    (tmp_path / ".awesome-lint.yaml").write_text("max-file-size: 1k\n")
    readme.write_text(BROKEN + "x" * 2000 + "\n")
    code, err = fix(capsys, readme)
    assert code == 2 and "larger than the limit of 1024 bytes" in err
    assert readme.read_text() == BROKEN + "x" * 2000 + "\n"
    with pytest.raises(SystemExit) as usage:
        main(["--max-file-size", "0", str(readme)])
    assert usage.value.code == 2 and "not a file size" in capsys.readouterr().err


def test_the_default_cap_is_20_mb(tmp_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(InputError, match="larger than the limit of 20 MB"):
        read_stamped(str(big))


def test_a_symlink_is_written_through_to_its_target(tmp_path, capsys):
    real = tmp_path / "real"
    real.mkdir()
    (real / "README.md").write_text(BROKEN)
    link = tmp_path / "link.md"
    link.symlink_to(real / "README.md")
    assert fix(capsys, link)[0] == 0
    assert link.is_symlink() and (real / "README.md").read_text() == FIXED


def test_hard_links_share_the_fix(tmp_path, readme, capsys):
    other = tmp_path / "other.md"
    os.link(readme, other)
    assert fix(capsys, readme)[0] == 0
    assert os.stat(readme).st_ino == os.stat(other).st_ino and other.read_text() == FIXED


@pytest.mark.skipif(not ROOT, reason="changing a file's owner needs root")
def test_owner_group_and_mode_are_kept(readme, capsys):
    os.chown(readme, 1234, 5678)
    os.chmod(readme, 0o640)
    assert fix(capsys, readme)[0] == 0
    info = os.stat(readme)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o640)
    assert readme.read_text() == FIXED


def test_a_read_only_file_is_refused_unless_forced(readme, capsys):
    os.chmod(readme, 0o444)
    code, err = fix(capsys, readme)
    assert code == 2 and err == f"awesome-lint: {readme}: is read-only (mode 0444); not written (--force writes it)\n"
    assert readme.read_text() == BROKEN
    assert fix(capsys, "--force", readme)[0] == 0
    assert readme.read_text() == FIXED and stat.S_IMODE(readme.stat().st_mode) == 0o444


def test_a_change_made_meanwhile_is_not_overwritten(readme):
    source, stamp = read_stamped(str(readme))
    readme.write_text(BROKEN + "\nAdded by an editor.\n")
    with pytest.raises(InputError, match="changed on disk while awesome-lint ran; not overwritten"):
        write_path(str(readme), FIXED, stamp)
    assert readme.read_text().endswith("Added by an editor.\n")


def test_a_change_made_during_a_real_run_survives(tmp_path, capsys):
    # the editor appends while the fix loop works on a long list
    path = tmp_path / "long.md"
    body = "".join(f"- [A{i}](https://a{i}.example) - Thing {i}.\n" for i in range(1500))
    path.write_text(BROKEN + body)
    started = threading.Event()
    real_fix = __import__("awesome_lint.engine.pipeline", fromlist=["fix"]).fix

    def slow_fix(*args, **kwargs):
        started.set()
        outcome = real_fix(*args, **kwargs)
        with open(path, "a") as handle:
            handle.write("\n- [Editor](https://editor.example) - Added meanwhile.\n")
        return outcome
    from awesome_lint.app import runner
    runner.fix, saved = slow_fix, runner.fix
    try:
        code = main(["--select", "toc", "--fix", str(path)])
    finally:
        runner.fix = saved
    err = capsys.readouterr().err
    assert started.is_set() and code == 2 and "changed on disk" in err
    assert path.read_text().endswith("Added meanwhile.\n")


@pytest.mark.skipif(not ROOT or not shutil.which("setpriv"), reason="needs root to drop to another user")
def test_an_unwritable_folder_is_one_line_and_leaves_no_temp():
    import tempfile

    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                            "import awesome_lint.app.cli"], capture_output=True, cwd="/")
    if probe.returncode:
        pytest.skip("the other user cannot import this installation (it lives under a private folder)")
    top = tempfile.mkdtemp(prefix="awesome-lint-test-")
    try:
        os.chmod(top, 0o755)
        folder = os.path.join(top, "ro")
        os.mkdir(folder)
        path = os.path.join(folder, "a.md")
        with open(path, "w") as handle:
            handle.write(BROKEN)
        os.chown(path, 65534, 65534)
        os.chmod(folder, 0o555)
        run = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "awesome_lint",
             "--select", "toc", "--fix", path], capture_output=True, text=True, timeout=60, cwd=top)
        assert run.returncode == 2
        assert run.stderr == f"awesome-lint: {path}: cannot write (Permission denied); the file is unchanged\n"
        assert open(path).read() == BROKEN and os.listdir(folder) == ["a.md"]
    finally:
        os.chmod(os.path.join(top, "ro"), 0o755)
        shutil.rmtree(top)


@pytest.fixture
def tiny_disk(tmp_path):
    if not ROOT:
        pytest.skip("mounting a small file system needs root")
    where = tmp_path / "full"
    where.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield where
    subprocess.run(["umount", str(where)], check=True)


def _fill(disk) -> None:
    for n in range(10_000):
        try:
            (disk / f"pad{n}").write_bytes(b"x" * 4096)
        except OSError:
            return


def test_a_full_disk_is_one_line_and_leaves_the_file_intact(tiny_disk, capsys):
    path = tiny_disk / "a.md"
    text = BROKEN + "".join(f"- [B{i}](https://b{i}.example) - B {i}.\n" for i in range(700))
    path.write_text(text)
    _fill(tiny_disk)
    code, err = fix(capsys, path)
    assert code == 2 and err == f"awesome-lint: {path}: cannot write (No space left on device); the file is unchanged\n"
    assert path.read_text() == text
    assert not [p for p in os.listdir(tiny_disk) if p.endswith(".tmp")]


def test_hard_linked_file_on_a_full_disk_is_untouched(tiny_disk, capsys):
    # exactly one page: the byte the fix adds needs a block the disk no longer has
    path = tiny_disk / "a.md"
    text = BROKEN.replace("- An A.", "- An A." + " " * (4096 - len(BROKEN) - 1) + "\\")
    text = text[:4095] + "\n"
    assert len(text.encode()) == 4096
    path.write_text(text)
    os.link(path, tiny_disk / "b.md")
    _fill(tiny_disk)
    code, err = fix(capsys, path)
    assert code == 2 and err == f"awesome-lint: {path}: cannot write (No space left on device); the file is unchanged\n"
    assert path.read_text() == text == (tiny_disk / "b.md").read_text()


def test_every_look_a_rule_takes_is_remembered_and_rechecked(tmp_path):
    from awesome_lint.engine.files import Files, unchanged
    (tmp_path / "sub").mkdir()
    note = tmp_path / "note.md"
    note.write_bytes(b"one\r\ntwo\rthree\n")
    files = Files()
    assert files.read_text(note) == "one\ntwo\nthree\n"  # universal newlines, as a text-mode read gives
    assert files.read_text(tmp_path / "gone.md") is None
    assert files.resolve(tmp_path / "sub" / ".." / "note.md") == note.resolve()
    assert files.is_dir(tmp_path / "sub") and files.is_file(note) and not files.exists(tmp_path / "gone.md")
    assert files.listdir(tmp_path) == ["note.md", "sub"]
    seen = files.seen
    assert sorted((kind, path) for kind, path, _ in seen) == sorted([
        ("read", str(note)), ("read", str(tmp_path / "gone.md")), ("resolve", str(tmp_path / "sub" / ".." / "note.md")),
        ("kind", str(tmp_path / "sub")), ("kind", str(note)), ("kind", str(tmp_path / "gone.md")),
        ("list", str(tmp_path))])
    assert unchanged(seen)
    note.write_bytes(b"changed\n")
    assert not unchanged(seen)  # the read saw other bytes
    note.write_bytes(b"one\r\ntwo\rthree\n")
    assert unchanged(seen)
    (tmp_path / "gone.md").write_text("here now")
    assert not unchanged(seen)
