"""URL policy, routing and the yt-dlp / gallery-dl runners."""
