"""The Discord front end: reads interactions and messages, calls the core engine, renders.

Nothing here decides what is true; `bot.core` does. This package only speaks Discord.
"""
