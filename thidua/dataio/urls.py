from django.urls import path

from thidua.dataio import views

app_name = "dataio"
urlpatterns = [
    path("", views.index, name="index"),
    path("so-mau/", views.template, name="template"),
    path("xuat/", views.export, name="export"),
    path("nhap/", views.upload, name="upload"),
    path("nhap/<uuid:code>/", views.import_detail, name="import"),
    path("nhap/<uuid:code>/xac-nhan/", views.import_confirm, name="confirm"),
    path("nhap/<uuid:code>/huy/", views.import_cancel, name="cancel"),
    path("nhap/<uuid:code>/chay-lai/", views.import_retry, name="retry"),
    path("nhap/<uuid:code>/loi.txt", views.import_problems, name="problems"),
]
