import re

from django.db import migrations

# Frozen here: the wording ingest.services uses today may change.
REASON = (
    "An internal error stopped extraction; the details were written to the server log "
    "when it failed."
)
# The one kind of error worth keeping: a URL upload's reason, "Could not fetch ... [code]".
_UPLOAD_REASON = re.compile(r"[^\n]{1,1000} \[[a-z_]+\]")


def forget_traces(apps, schema_editor):
    """Extraction used to store the exception's text and trace in ``Article.error``, which
    anyone can read. Replace every such error with a short reason; the trace was logged
    when it happened. An upload's reason (one line ending in ``[code]``) stays."""
    Article = apps.get_model("kb", "Article")
    leaking = [
        pk
        for pk, error in Article.objects.exclude(error="").values_list("pk", "error").iterator()
        if not _UPLOAD_REASON.fullmatch(error)
    ]
    for start in range(0, len(leaking), 500):
        Article.objects.filter(pk__in=leaking[start : start + 500]).update(error=REASON)


class Migration(migrations.Migration):
    dependencies = [("kb", "0007_kosovo")]

    operations = [migrations.RunPython(forget_traces, migrations.RunPython.noop)]
