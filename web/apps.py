from django.apps import AppConfig


class WebConfig(AppConfig):
    """Every page: reading, editing and uploading (the API is ``api``)."""

    name = "web"
    verbose_name = "Pages"
