# boss-bot container image. Build: docker build -t bossbot .
# Run:   docker run -d --name bossbot --env-file bossbot.env -v bossbot-data:/data bossbot
# The /data volume is the bot's only state (job database, per-job temp dirs).
# See docs/operations.md.

FROM python:3.11-slim AS build
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install --no-cache-dir "uv>=0.8,<0.14"
WORKDIR /src
# Dependencies first: this layer is rebuilt only when pyproject.toml or uv.lock change.
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-dev --no-install-project
COPY README.md commands.toml ./
COPY bossbot ./bossbot
RUN uv sync --frozen --no-dev --no-editable

FROM python:3.11-slim
# ffmpeg lets yt-dlp merge separate video and audio streams.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home bossbot \
    && mkdir /data \
    && chown bossbot:bossbot /data
COPY --from=build /app/.venv /app/.venv
COPY commands.toml /app/commands.toml
WORKDIR /app
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    BOSSBOT_DATA_DIR=/data \
    BOSSBOT_COMMANDS_FILE=/app/commands.toml \
    BOSSBOT_METRICS_ADDR=0.0.0.0:9100
USER bossbot
VOLUME ["/data"]
EXPOSE 9100
# /healthz of the running bot; with BOSSBOT_METRICS_ADDR emptied, the doctor's checks instead.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["bossbot", "doctor", "--live"]
STOPSIGNAL SIGTERM
CMD ["bossbot", "run"]
