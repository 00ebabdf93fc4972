"""Feature cogs: /ask, /sources and /about, DMs and mentions, the "Check this claim" menu."""
