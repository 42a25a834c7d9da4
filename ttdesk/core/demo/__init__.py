"""Realistic, deterministic demo data (Qt-free): `generate(ctx, cases=N, seed=S)`."""

from ttdesk.core.base.bulkwrite import Cancelled
from ttdesk.core.demo.generate import DemoSummary, generate

__all__ = ["Cancelled", "DemoSummary", "generate"]
