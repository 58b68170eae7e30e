from django.urls import path

from thidua.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.units, name="units"),
    path("ca-nhan/", views.people, name="people"),
    path("ca-nhan/<str:code>/", views.person, name="person"),
    path("ho-gia-dinh/", views.households, name="households"),
    path("doanh-nghiep/", views.enterprises, name="enterprises"),
    path("<str:code>/", views.unit, name="unit"),
]
