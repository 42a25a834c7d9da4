"""The technology managers' workload view (技术经理人)."""
