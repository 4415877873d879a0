"""Point every link of a real list at the simulated hosts, with a seeded mix of behaviours.

The shape of the real list is kept: a site that the list links to often becomes
one busy simulated host (so per-host limits matter as they do on github.com),
and the long tail of rarely linked sites is spread over a few dozen small hosts.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from server import TRUTH, SimHost

URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
TRAILING = ".,;:!?*_"

# behaviour -> weight in the mix
MIX = {
    "ok": 68,
    "notfound": 5,
    "gone": 2,
    "error": 2,
    "flaky": 3,
    "limited": 3,
    "hang": 0.6,
    "reset": 2,
    "chain": 3,
    "chain_dead": 1.5,
    "moved": 2,
    "moved308": 1,
    "head405": 2,
    "head405_dead": 1,
    "forbidden": 1.5,
    "blocked999": 0.5,
    "slow": 1,
    "trickle": 0.3,
    "trickle_body": 0.3,
    "walled": 1,
    "unauthorized": 0.5,
}
SOFT_HOSTS = 4  # tail hosts that answer 200 "Page not found" for any unknown path
SOFT_SHARE = 0.25  # of a soft host's URLs that are soft 404s
LIMIT = 10  # requests/s of the two busiest hosts, as arxiv.org and github.com do
BUSY = 5  # links to one site before it gets a simulated host of its own
TAIL_HOSTS = 24
REFUSED_HOSTS = 3


@dataclass
class Rewritten:
    text: str
    urls: list[str]
    truth: dict[str, str]  # new URL -> expected verdict
    hosts: list[SimHost]


def find_urls(text: str) -> list[str]:
    found = []
    for match in URL.finditer(text):
        url = match.group(0).rstrip(TRAILING)
        found.append(url)
    return list(dict.fromkeys(found))


def plan_hosts(urls: list[str], rng: random.Random) -> tuple[list[SimHost], dict[str, SimHost]]:
    counts = Counter(urlsplit(u).hostname or "" for u in urls)
    hosts: list[SimHost] = []
    by_site: dict[str, SimHost] = {}
    for site, count in counts.most_common():
        if count < BUSY:
            break
        host = SimHost(name=site, latency=rng.uniform(0.02, 0.2))
        by_site[site] = host
        hosts.append(host)
    for busy in hosts[:2]:
        # The busiest sites answer more than LIMIT requests a second with 429, as arxiv.org and github.com do.
        busy.per_second = LIMIT
        busy.latency = 0.08
    tail = [SimHost(name=f"tail-{i}", latency=rng.uniform(0.01, 0.3), soft404=i < SOFT_HOSTS)
            for i in range(TAIL_HOSTS)]
    refused = [SimHost(name=f"refused-{i}", refused=True) for i in range(REFUSED_HOSTS)]
    hosts += tail + refused
    for site in counts:
        if site in by_site:
            continue
        roll = rng.random()
        by_site[site] = rng.choice(refused) if roll < 0.02 else rng.choice(tail)
    return hosts, by_site


def plan(text: str, seed: int = 7) -> tuple[list[SimHost], dict[str, tuple[SimHost, str]]]:
    """Decide each URL's simulated host and behaviour; ports are not known yet."""
    rng = random.Random(seed)
    urls = find_urls(text)
    hosts, by_site = plan_hosts(urls, rng)
    behaviours = list(MIX)
    weights = list(MIX.values())
    mapping: dict[str, tuple[SimHost, str]] = {}
    for n, url in enumerate(urls):
        host = by_site[urlsplit(url).hostname or ""]
        behaviour = "refused" if host.refused else rng.choices(behaviours, weights)[0]
        if host.soft404 and rng.random() < SOFT_SHARE:
            behaviour = "soft404"
        mapping[url] = (host, f"/{behaviour}/{n}")
        host.known.add(f"/{behaviour}/{n}")
    return hosts, mapping


def apply(text: str, hosts: list[SimHost], mapping: dict[str, tuple[SimHost, str]]) -> Rewritten:
    """Fill in the new URLs once the server has given every host its port."""
    new = {url: f"http://{host.address}:{host.port}{path}" for url, (host, path) in mapping.items()}

    def swap(match: re.Match) -> str:
        raw = match.group(0)
        url = raw.rstrip(TRAILING)
        return new.get(url, url) + raw[len(url):]

    text = URL.sub(swap, text)
    truth = {new[url]: TRUTH[path.split("/")[1]] for url, (_, path) in mapping.items()}
    return Rewritten(text=text, urls=list(new.values()), truth=truth, hosts=hosts)
