# policybot in a container: `docker compose up -d` (README → "Running it in a container").
# The database lives on the /data volume; settings come from the environment (compose: .env).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    POLICYBOT_DATABASE=/data/policybot.sqlite3 \
    POLICYBOT_KNOWLEDGE_DIR=/app/knowledge

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY container/install.sh ./container/install.sh

# Only the package registry is needed: dependencies come as wheels, nothing is compiled.
RUN sh container/install.sh /app \
    && groupadd --system --gid 10001 policybot \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin policybot \
    && mkdir /data \
    && chown 10001:10001 /data

USER 10001:10001
VOLUME ["/data"]

# The running bot rewrites /data/health.json; this asks nothing of Discord.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["policybot", "health"]

ENTRYPOINT ["policybot"]
CMD ["run"]
