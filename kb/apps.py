from django.apps import AppConfig


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = "Knowledge base"

    def ready(self):
        from kb import changes, counters, leader_pairs

        changes.connect()
        counters.connect()
        leader_pairs.connect()
