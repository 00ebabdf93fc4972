"""Accuracy and speed benchmarks, run by hand: see benchmarks/README.md."""
