"""Gunicorn's settings for Thi đua: ``gunicorn -c python:config.gunicorn`` (``make run`` and
``deploy/systemd/thidua-web.service``). Each can be changed from the environment:

- ``THIDUA_BIND`` (default ``127.0.0.1:$PORT``, ``PORT`` default 8000): where to listen. The
  app stays on the loopback address behind the reverse proxy (docs/deploy.md).
- ``WEB_CONCURRENCY``: worker processes (default 2 × cores + 1, at most 12).
- ``GUNICORN_THREADS``: threads per worker (default 1).
- ``GUNICORN_TIMEOUT``: seconds before a stuck request's worker is restarted (default 120).
"""

from __future__ import annotations

import os

from config.logs import logging_config

# Pre-forked processes, not threads: a page is CPU-bound Python (the law engine, templates),
# which threads of one process would run one at a time. Past 2 × cores + 1 the workers only
# wait on each other and the database; 12 × ≈ 150 MiB fits the smallest province server.
MAX_WORKERS = 12


def _cores() -> int:
    # The cores this process may run on, which a container or systemd's CPUAffinity may limit.
    return len(os.sched_getaffinity(0))


wsgi_app = "config.wsgi:application"
bind = [os.environ.get("THIDUA_BIND") or f"127.0.0.1:{os.environ.get('PORT') or 8000}"]
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * _cores() + 1, MAX_WORKERS))
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
# The slowest requests build a whole province's workbook or report in the request; an import
# runs in the task worker, not here.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 120)
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, which returns the memory of a large export.
max_requests = 2000
max_requests_jitter = 200
# Gunicorn's control socket sits in the home folder by default, where two servers on one
# machine (a deploy check beside `make run`) would take each other's; nothing uses it.
control_socket_disable = True
proc_name = "thidua-web"

# Django's log records and Gunicorn's (its messages and one access line per request) go to
# standard output, one format for all (config/logs.py), for journald or a log shipper.
os.environ.setdefault("THIDUA_LOG_STREAM", "stdout")
accesslog = "-"
# Path without the query string: searches carry people's names, which a log should not keep.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%({x-forwarded-for}i)s"'
logconfig_dict = logging_config(
    stream="stdout",
    level="WARNING",
    loggers={
        "gunicorn.error": {"level": "INFO", "propagate": True},
        "gunicorn.access": {"level": "INFO", "propagate": True},
    },
)
