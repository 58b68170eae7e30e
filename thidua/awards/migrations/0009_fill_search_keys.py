"""Fill the Tra cứu keys of the decisions and records already stored (as their save would)."""

import unicodedata

from django.db import migrations


def _fold(text):
    # The same folding as thidua.core.text.fold, kept here: migrations import no app code.
    text = " ".join(unicodedata.normalize("NFC", text).split())
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def fill(apps, schema_editor):
    Decision = apps.get_model("awards", "Decision")
    AwardRecord = apps.get_model("awards", "AwardRecord")
    for d in Decision.objects.only("pk", "number", "issuing_body", "title").iterator():
        key = _fold(f"{d.number} {d.issuing_body} {d.title}")[:900]
        Decision.objects.filter(pk=d.pk).update(search_key=key)
    for r in AwardRecord.objects.only("pk", "recipient_name").iterator():
        AwardRecord.objects.filter(pk=r.pk).update(search_key=_fold(r.recipient_name))


class Migration(migrations.Migration):
    dependencies = [("awards", "0008_search_keys")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
