from django.urls import path

from thidua.accounts.views import signin

app_name = "accounts"
urlpatterns = [
    path("quan-tri/dang-nhap/", signin.signins, name="signins"),
    path("quan-tri/dang-nhap/mo-khoa/", signin.signin_unlock_view, name="signin_unlock"),
]
