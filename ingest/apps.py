from django.apps import AppConfig
from django.core.signals import setting_changed


def _meeting_model(*, setting, value, **kwargs) -> None:
    if setting == "SUMMITRY_MEETING_MODEL":
        from ingest.extract import classifier

        classifier.configure(value)


class IngestConfig(AppConfig):
    name = "ingest"
    verbose_name = "Ingest"

    def ready(self) -> None:
        from django.conf import settings

        from ingest.extract import classifier

        # The extractor stays free of Django: the app hands it the setting.
        classifier.configure(settings.SUMMITRY_MEETING_MODEL)
        setting_changed.connect(_meeting_model, dispatch_uid="summitry-meeting-model")
