"""API tokens get a scope and an expiry date. Tokens issued before have none: they are given
the default lifetime from the day of the migration, so that no client stops at once and none
works forever."""

import datetime as dt

from django.db import migrations, models
from django.utils import timezone

DEFAULT_DAYS = 90


def expire_existing(apps, schema_editor):
    token = apps.get_model("accounts", "ApiToken")
    token.objects.filter(expires_at__isnull=True).update(
        expires_at=timezone.now() + dt.timedelta(days=DEFAULT_DAYS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_usersession"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "Chỉ đọc"), ("write", "Đọc và ghi")],
                default="write",
                max_length=5,
                verbose_name="phạm vi",
            ),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="hết hạn lúc"),
        ),
        migrations.RunPython(expire_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="hết hạn lúc"),
        ),
    ]
