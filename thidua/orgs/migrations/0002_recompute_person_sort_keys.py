"""People's sort keys written again: the given name now decides whole, tones included, before
the family name (``thidua.core.text.name_sort_key``)."""

from django.db import migrations

from thidua.core.text import name_sort_key


def recompute(apps, schema_editor):
    Person = apps.get_model("orgs", "Person")
    changed = []
    for person in Person.objects.only("pk", "full_name", "sort_key").iterator(chunk_size=2000):
        key = name_sort_key(person.full_name)[:512]
        if key != person.sort_key:
            person.sort_key = key
            changed.append(person)
    Person.objects.bulk_update(changed, ["sort_key"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
