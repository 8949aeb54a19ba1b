FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY config ./config
COPY kb ./kb
COPY ingest ./ingest
COPY api ./api
COPY web ./web
RUN pip install .
COPY . .

# Static files are collected at build time and served by whitenoise.
RUN DEBUG=0 SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput

RUN useradd --create-home summitry && mkdir -p /data/media && chown -R summitry /data /app
USER summitry
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.py", "--access-logfile", "-", "config.wsgi:application"]
