from django.db import migrations


def load(apps, schema_editor):
    from kb.countries import countries_sync

    countries_sync(apps.get_model("kb", "Country"))


class Migration(migrations.Migration):
    """Kosovo (XK), which the leader registry needs, joins the country table."""

    dependencies = [("kb", "0006_office_registry")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
