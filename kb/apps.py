from django.apps import AppConfig


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = "Knowledge base"

    def ready(self):
        from kb import changes, counters

        changes.connect()
        counters.connect()  # the network's pairs of leaders (kb.leader_pairs) too
