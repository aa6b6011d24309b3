"""Settings for benchmarks/bench_serve.py: the application's own, plus one bare view (the
floor: a Django view that does nothing, through the same middleware)."""

from sakip.web.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.serve_urls"
