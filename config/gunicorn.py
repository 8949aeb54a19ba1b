"""gunicorn settings for the web tier: ``gunicorn -c config/gunicorn.py config.wsgi``.

A request here is mostly Python, which runs on one core per process (the GIL), plus
waits on PostgreSQL. So: one process per core and one more, each with a few threads.
The threads overlap those waits, and they share the cores among the requests in hand,
so a cheap request (a detail page, an API read) is not held behind an export or the
network page in the listen backlog. Every value can be overridden from the environment.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str((os.cpu_count() or 1) + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Longer than a client's usual pause between requests, so the server does not close a
# kept-alive connection just as the client reuses it (seen as "connection reset").
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "30"))
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn believes X-Forwarded-Proto only from the proxies Django trusts (none by default;
# gunicorn's own default trusts 127.0.0.1).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "")
