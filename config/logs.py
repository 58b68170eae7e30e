"""One line per log record, the same in the web server, the worker and the commands: time,
level, logger, process and message, which journald, ``grep`` and a log shipper can split."""

from __future__ import annotations

import logging
import time
from typing import Any

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"
STREAMS = ("stdout", "stderr")


class UTCFormatter(logging.Formatter):
    """Times in UTC: Gunicorn's master logs before Django sets the process's time zone
    (Asia/Ho_Chi_Minh) and its workers after, so local times would disagree by seven hours."""

    converter = staticmethod(time.gmtime)
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"


def logging_config(*, stream: str, level: str, loggers: dict[str, Any] | None = None) -> dict:
    """A ``logging.config.dictConfig`` of one handler on ``stream`` for the root logger."""
    if stream not in STREAMS:
        raise ValueError(f"log stream {stream!r}: expected one of {', '.join(STREAMS)}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"()": UTCFormatter, "format": FORMAT}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": f"ext://sys.{stream}",
                "formatter": "line",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": loggers or {},
    }
