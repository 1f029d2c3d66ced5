"""The egress guard: every connection a worker makes passes one enforcement point.

The guard is a small forward proxy (HTTP CONNECT and plain HTTP) in a process of its own.
It resolves each name once, refuses the connection unless every address is allowed, dials
the address it checked, and keeps each job within its budgets.
"""
