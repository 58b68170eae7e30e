from django.contrib.auth import views as auth_views
from django.urls import path

from thidua.accounts.forms import LoginForm
from thidua.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=LoginForm
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("tra-cuu/", views.search, name="search"),
    path("quan-tri/", views.admin_home, name="admin_home"),
]
