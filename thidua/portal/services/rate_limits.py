"""How many requests one address may make to each kind of public page, counted in the
database so that every web worker (and every server sharing the database) counts together."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from thidua.portal.models import RequestCount

SALT = "thidua.portal.rate_limits"


def _window_end(now: datetime, seconds: int) -> datetime:
    # Windows are aligned to the clock, so every worker agrees on the row to count in.
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds + seconds, tz=now.tzinfo)


@transaction.atomic
def request_count(*, scope: str, address: str) -> int:
    """Count one request of ``scope`` (a key of ``settings.THIDUA_PORTAL_RATE_LIMITS``) from
    ``address``; 0 when it may go ahead, else the seconds until the address may try again."""
    limit, seconds = settings.THIDUA_PORTAL_RATE_LIMITS[scope]
    now = timezone.now()
    ends = _window_end(now, seconds)
    client = salted_hmac(SALT, address).hexdigest()
    row = RequestCount.objects.filter(scope=scope, client=client, window_ends_at=ends)
    # An UPDATE that adds one in the database is atomic where a read-then-write is not: two
    # workers counting at once both land.
    if not row.update(hits=F("hits") + 1):
        # The window's first request: the moment to drop the windows that ended.
        RequestCount.objects.filter(window_ends_at__lt=now).delete()
        try:
            with transaction.atomic():
                RequestCount.objects.create(scope=scope, client=client, window_ends_at=ends, hits=1)
        except IntegrityError:  # another worker made the row first
            row.update(hits=F("hits") + 1)
    hits = row.values_list("hits", flat=True).get()
    if hits <= limit:
        return 0
    return max(1, math.ceil((ends - now) / timedelta(seconds=1)))


def minutes(seconds: int) -> int:
    """The wait as the page says it, rounded up to whole minutes."""
    return max(1, math.ceil(seconds / 60))
