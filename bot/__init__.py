"""policybot: answers questions about the reported ICE check-in app policy from a sourced knowledge base."""

__version__ = "0.1.0"
