from django.urls import path

from thidua.emulation.views import (
    clusters,
    covenants,
    movements,
    ranking,
    registrations,
    scoring,
)

app_name = "emulation"
CLUSTER = "cum-khoi/<str:code>/<int:year>/"
urlpatterns = [
    # Phong trào thi đua
    path("phong-trao/", movements.movements, name="movements"),
    path("phong-trao/moi/", movements.movement_new, name="movement_new"),
    path("phong-trao/<int:pk>/", movements.movement, name="movement"),
    path(
        "phong-trao/<int:pk>/giai-doan/", movements.movement_advance_view, name="movement_advance"
    ),
    path("phong-trao/<int:pk>/tai-lieu/", movements.movement_attach, name="movement_attach"),
    path(
        "phong-trao/<int:pk>/tai-lieu/<int:attachment_pk>/",
        movements.attachment,
        name="movement_attachment",
    ),
    # Cụm, khối thi đua
    path("cum-khoi/", clusters.clusters, name="clusters"),
    path("cum-khoi/thanh-lap/", clusters.cluster_new, name="cluster_new"),
    path(CLUSTER, clusters.cluster, name="cluster"),
    path(CLUSTER + "nam-sau/", clusters.cluster_next, name="cluster_next"),
    path(CLUSTER + "quy-che/", clusters.cluster_rules, name="cluster_rules"),
    path(CLUSTER + "cum-truong/", clusters.cluster_leaders, name="cluster_leaders"),
    path(CLUSTER + "giao-uoc/", covenants.covenant, name="covenant"),
    path(CLUSTER + "giao-uoc/lap/", covenants.covenant_new, name="covenant_new"),
    path(CLUSTER + "giao-uoc/tieu-chi/", covenants.covenant_criterion_add, name="criterion_add"),
    path(
        CLUSTER + "giao-uoc/tieu-chi/<int:pk>/xoa/",
        covenants.covenant_criterion_remove,
        name="criterion_remove",
    ),
    path(
        CLUSTER + "giao-uoc/tieu-chi/<int:pk>/sua/",
        covenants.covenant_criterion_edit,
        name="criterion_edit",
    ),
    path(CLUSTER + "giao-uoc/ky-ket/", covenants.covenant_open_view, name="covenant_open"),
    path(CLUSTER + "giao-uoc/du-thao/", covenants.covenant_reopen_view, name="covenant_reopen"),
    path(
        CLUSTER + "giao-uoc/hoi-nghi/",
        covenants.covenant_conference_view,
        name="covenant_conference",
    ),
    path(
        CLUSTER + "giao-uoc/chu-ky/<int:pk>/dinh-chinh/",
        covenants.covenant_signature_correct_view,
        name="signature_correct",
    ),
    path(CLUSTER + "giao-uoc/ky/", covenants.covenant_sign_view, name="covenant_sign"),
    path(CLUSTER + "giao-uoc/in/", covenants.covenant_print, name="covenant_print"),
    path(CLUSTER + "cham-diem/", scoring.scoring, name="scoring"),
    path(CLUSTER + "cham-diem/tu-cham/", scoring.sheet_start, name="sheet_start"),
    path(CLUSTER + "cham-diem/phan-cong/", scoring.assign_reviewers, name="assign_reviewers"),
    path(CLUSTER + "cham-diem/cham-thay/", scoring.assign_reviewer, name="assign_reviewer"),
    path(CLUSTER + "xep-hang/", ranking.ranking, name="ranking"),
    path(CLUSTER + "xep-hang/cong-bo/", ranking.ranking_publish_view, name="ranking_publish"),
    path(CLUSTER + "xep-hang/excel/", ranking.ranking_excel, name="ranking_excel"),
    path(CLUSTER + "xep-hang/word/", ranking.ranking_word, name="ranking_word"),
    # Bảng điểm
    path("bang-diem/<int:pk>/", scoring.sheet, name="sheet"),
    path("bang-diem/<int:pk>/tu-choi/", scoring.sheet_recuse, name="sheet_recuse"),
    path("diem/<int:pk>/thay-doi/", scoring.line_change, name="line_change"),
    path("diem/<int:pk>/minh-chung/", scoring.evidence, name="evidence"),
    # Đăng ký thi đua
    path("dang-ky/", registrations.registrations, name="registrations"),
    path("dang-ky/moi/", registrations.registration_new, name="registration_new"),
    path("dang-ky/<int:pk>/gui/", registrations.registration_send, name="registration_send"),
    path(
        "dang-ky/<int:pk>/duyet/",
        registrations.registration_approve_view,
        name="registration_approve",
    ),
    path(
        "dang-ky/<int:pk>/tra-lai/",
        registrations.registration_return_view,
        name="registration_return",
    ),
]
