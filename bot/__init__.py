"""policybot: answers questions about the reported ICE check-in app policy, with sources."""

__version__ = "0.1.0"
