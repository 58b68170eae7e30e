from django.urls import path

from thidua.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("danh-sach/", views.records, name="records"),
    path("xuat-word/", views.export_docx, name="docx"),
    path("xuat-excel/", views.export_xlsx, name="xlsx"),
]
