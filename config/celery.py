"""The Celery app. Without CELERY_BROKER_URL, tasks run eagerly in the web process."""

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("summitry")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def load_language_model(**kwargs) -> None:
    """Load spaCy once per worker process, before the first article arrives."""
    from ingest.nlp import get_nlp

    get_nlp()
