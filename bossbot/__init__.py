"""boss-bot: a Discord bot that downloads media and posts it back into the channel."""
