"""Benchmarks: the "three-year studio" generator (generate.py) and the runner (run.py). Not timed tests."""
