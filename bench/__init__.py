"""Benchmarks: ratios measured in one run, not timed tests (``make bench``)."""
