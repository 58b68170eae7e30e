from django.contrib import admin
from django.urls import include, path

from thidua.api.health import healthz

admin.site.site_header = "Thi đua – Quản trị dữ liệu"
admin.site.site_title = "Thi đua"
admin.site.index_title = "Quản trị dữ liệu"

urlpatterns = [
    path("", include("thidua.web.urls")),
    path("", include("thidua.accounts.urls")),
    path("don-vi/", include("thidua.orgs.urls")),
    path("thi-dua/", include("thidua.emulation.urls")),
    path("khen-thuong/", include("thidua.awards.urls")),
    path("bao-cao/", include("thidua.reports.urls")),
    path("du-lieu/", include("thidua.dataio.urls")),
    path("cong-khai/", include("thidua.portal.urls")),
    path("api/", include("thidua.api.urls")),
    path("healthz", healthz, name="healthz"),
    path("quan-tri-du-lieu/", admin.site.urls),
]
