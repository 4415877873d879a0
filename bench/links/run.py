"""Benchmark the link checker against a loopback server that plays many misbehaving hosts.

    python bench/links/run.py [--list FILE] [--seed N] [--write FILE] [--serve SECONDS]

Starts its own server on 127.0.0.1, checks every link of the rewritten list
twice (cold, then from the verdict cache), prints a table and stops the server.
--write keeps the rewritten list and --serve keeps the server up for that many
seconds afterwards, so other link checkers can be run on the same list.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

from rewrite import apply, plan  # noqa: E402
from server import SimServer  # noqa: E402

from awesome_lint.linkcheck import CheckOptions, Stats, check_urls  # noqa: E402

# A real list from ../shared (beside the checkout); no copy is kept in the repo.
DEFAULT_LIST = HERE.parent.parent.parent / "shared" / "corpus" / "sindresorhus__awesome-nodejs.md"


def score(truth: dict[str, str], results: dict) -> dict[str, float]:
    said_dead = {u for u, r in results.items() if r.verdict == "dead"}
    dead = {u for u, v in truth.items() if v == "dead"}
    hits = len(said_dead & dead)
    agree = sum(1 for u, v in truth.items() if results[u].verdict == v)
    return {
        "precision": hits / len(said_dead) if said_dead else 1.0,
        "recall": hits / len(dead) if dead else 1.0,
        "false_errors": len(said_dead - dead),
        "agreement": agree / len(truth),
    }


def run_once(server: SimServer, urls: list[str], options: CheckOptions) -> tuple[dict, Stats, float]:
    server.reset_counts()
    stats = Stats()
    started = time.monotonic()
    results = check_urls(urls, options, stats=stats)
    return results, stats, time.monotonic() - started


def row(name: str, value: object) -> None:
    print(f"| {name:<38} | {value!s:>14} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", type=Path, help="save the rewritten list here")
    parser.add_argument("--serve", type=float, default=0.0, help="keep serving this many seconds after")
    parser.add_argument("--per-host", type=int, default=None, help="per-host concurrency override")
    args = parser.parse_args(argv)

    if not args.list.is_file():
        print(f"skipped: {args.list} not found (it comes from ../shared); pass --list FILE with any awesome list")
        return 0
    hosts, mapping = plan(args.list.read_text(encoding="utf-8"), args.seed)
    server = SimServer(hosts)
    server.start()
    try:
        listed = apply(args.list.read_text(encoding="utf-8"), hosts, mapping)
        if args.write:
            args.write.write_text(listed.text, encoding="utf-8")
        with tempfile.TemporaryDirectory() as tmp:
            extra = {"per_host_concurrency": args.per_host} if args.per_host else {}
            options = CheckOptions(allow_private=True, cache=str(Path(tmp) / "links.sqlite3"), **extra)
            results, stats, wall = run_once(server, listed.urls, options)
            cold_requests = server.record.requests
            peak = max(h.peak for h in hosts)
            busiest = max(hosts, key=lambda h: h.requests)
            busiest_requests, busiest_peak = busiest.requests, busiest.peak
            rate_limited = sum(h.rate_limited for h in hosts)
            scores = score(listed.truth, results)
            _, warm_stats, warm_wall = run_once(server, listed.urls, options)
            warm_requests = server.record.requests

        print(f"list: {args.list.name}, {len(listed.urls)} unique URLs on {len(hosts)} simulated hosts, seed {args.seed}")
        print(f"truth: {dict(Counter(listed.truth.values()))}")
        print(f"verdicts: {dict(Counter(r.verdict for r in results.values()))}")
        print()
        print(f"| {'measure':<38} | {'value':>14} |")
        print(f"|{'-' * 40}|{'-' * 16}|")
        row("wall time, cold (s)", f"{wall:.2f}")
        row("requests received by the server", cold_requests)
        row("requests sent (checker's count)", stats.requests)
        row("retries", stats.retries)
        row("peak concurrency on one host (server)", peak)
        row(f"peak on busiest host ({busiest_requests} requests)", busiest_peak)
        row("peak global concurrency (checker)", stats.peak_total)
        row("429s for exceeding a host's limit", rate_limited)
        row("dead-link precision", f"{scores['precision']:.3f}")
        row("dead-link recall", f"{scores['recall']:.3f}")
        row("links wrongly reported dead", scores["false_errors"])
        row("verdicts agreeing with ground truth", f"{scores['agreement']:.3f}")
        row("wall time, cached re-run (s)", f"{warm_wall:.2f}")
        row("requests received, cached re-run", warm_requests)
        wrong = [(u, listed.truth[u], results[u]) for u in listed.urls if results[u].verdict != listed.truth[u]]
        if wrong:
            print("\ndisagreements (expected -> got):")
            for url, expected, got in wrong[:15]:
                print(f"  {url}: {expected} -> {got.verdict} ({got.reason})")
        if args.serve > 0:
            print(f"\nserving for {args.serve:g} s more", flush=True)
            time.sleep(args.serve)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
