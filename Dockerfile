# Front-end packages from the npm registry, as package-lock.json pins them.
FROM node:20-slim AS assets
WORKDIR /assets
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY config ./config
COPY kb ./kb
COPY ingest ./ingest
COPY api ./api
COPY web ./web
COPY gazetteer ./gazetteer
RUN pip install .
COPY . .
COPY --from=assets /assets/node_modules ./node_modules

# Static files are collected at build time and served by whitenoise.
RUN DEBUG=0 SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput

RUN useradd --create-home summitry && mkdir -p /data/media && chown -R summitry /data /app
USER summitry
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.py", "--access-logfile", "-", "config.wsgi:application"]
