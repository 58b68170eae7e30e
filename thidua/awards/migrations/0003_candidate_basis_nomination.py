# Candidates carry the basis of the cluster nomination they came from (issue 6).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0002_commendation_cycle"),
        ("emulation", "0002_scoring_ranking_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="candidate",
            name="basis",
            field=models.CharField(blank=True, max_length=500, verbose_name="căn cứ đề nghị"),
        ),
        migrations.AddField(
            model_name="candidate",
            name="nomination",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="candidates",
                to="emulation.nomination",
                verbose_name="đề nghị của cụm, khối thi đua",
            ),
        ),
    ]
