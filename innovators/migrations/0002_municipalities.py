from django.db import migrations

from innovators.municipalities import load_municipalities


def load(apps, schema_editor):
    load_municipalities(apps.get_model("innovators", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("innovators", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
