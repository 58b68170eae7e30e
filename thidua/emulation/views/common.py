"""What every emulation page shares: running a service from a button (``run``, from
``thidua.common.actions``; a refused form comes back in its page instead), the URLs of a
cluster's pages, the year shown by default."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from thidua.common.actions import run
from thidua.common.params import year_param
from thidua.emulation.choices import CovenantStatus
from thidua.emulation.models import Cluster, Covenant
from thidua.emulation.selectors import cluster_get_for_user, covenant_for_cluster

__all__ = [
    "cluster_url",
    "covenant_or_404",
    "download",
    "run",
    "to_cluster",
    "year_from",
]


def cluster_url(cluster: Cluster, page: str = "cluster") -> str:
    return reverse(f"emulation:{page}", args=[cluster.code, cluster.year])


def to_cluster(cluster: Cluster, page: str = "cluster") -> HttpResponseRedirect:
    return redirect(cluster_url(cluster, page))


def year_from(request: HttpRequest, years: list[int]) -> int:
    """``?nam=`` when it is a number; otherwise the newest year with data, or this year."""
    year = year_param(request)
    if year is not None:
        return year
    return years[0] if years else timezone.localdate().year


def download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def covenant_or_404(
    request: HttpRequest, code: str, year: int, *, opened: bool = False
) -> Covenant:
    """The covenant of a cluster the user may see (``opened``: put to signing already)."""
    cluster = cluster_get_for_user(user=request.user, code=code, year=year)
    covenant = covenant_for_cluster(cluster=cluster)
    if covenant is None:
        raise Http404("Cụm, khối chưa có giao ước thi đua năm này.")
    if opened and covenant.status == CovenantStatus.DRAFT:
        raise Http404("Giao ước thi đua năm này chưa được đưa ra ký kết.")
    return covenant
