"""Extensions, one per feature: each module has `async def setup(bot)` adding its cog, and the
bot loads every module here (bot.discord.extensions). Cogs get the answering service (and the
trust settings) from the bot, never the bot class itself."""
