from django.urls import path

from thidua.accounts.views import account, passwords, second_factor, signin

app_name = "accounts"
urlpatterns = [
    path("tai-khoan/", account.account, name="account"),
    path("tai-khoan/ma-truy-cap/tao/", account.token_create_view, name="token_create"),
    path("tai-khoan/ma-truy-cap/thu-hoi/", account.token_revoke_view, name="token_revoke"),
    path("dang-nhap/xac-thuc-hai-buoc/", second_factor.verify, name="second_factor_verify"),
    path("tai-khoan/xac-thuc-hai-buoc/", second_factor.setup, name="second_factor_setup"),
    path(
        "tai-khoan/xac-thuc-hai-buoc/ma-du-phong/",
        second_factor.recovery_codes,
        name="second_factor_codes",
    ),
    path("tai-khoan/xac-thuc-hai-buoc/tat/", second_factor.turn_off, name="second_factor_off"),
    path("tai-khoan/doi-mat-khau/", passwords.password_change, name="password_change"),
    path("tai-khoan/dang-xuat-phien/", account.session_end_view, name="session_end"),
    path(
        "tai-khoan/dang-xuat-moi-thiet-bi/", account.sign_out_everywhere, name="sign_out_everywhere"
    ),
    path("quen-mat-khau/", passwords.password_reset, name="password_reset"),
    path("quen-mat-khau/da-gui/", passwords.password_reset_done, name="password_reset_done"),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        passwords.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        passwords.password_reset_complete,
        name="password_reset_complete",
    ),
    path("quan-tri/dang-nhap/", signin.signins, name="signins"),
    path("quan-tri/dang-nhap/mo-khoa/", signin.signin_unlock_view, name="signin_unlock"),
]
