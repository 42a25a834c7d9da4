"""Realistic, deterministic demo data (Qt-free): `generate(ctx, cases=N, seed=S)`."""

from ttdesk.core.demo.generate import DemoSummary, generate
from ttdesk.core.demo.writer import Cancelled

__all__ = ["Cancelled", "DemoSummary", "generate"]
