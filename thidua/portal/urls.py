from django.urls import path

from thidua.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("danh-sach/<uuid:code>/", views.disclosure, name="disclosure"),
    path("quyet-dinh/", views.decisions, name="decisions"),
    path("xac-thuc/", views.verify, name="verify_form"),
    path("xac-thuc/<str:code>/", views.verify, name="verify"),
]
