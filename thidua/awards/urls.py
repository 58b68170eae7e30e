from django.urls import path

from thidua.awards.views import (
    candidate_pickers,
    council,
    decisions,
    eligibility,
    local_rules,
    proposals,
)

app_name = "awards"
urlpatterns = [
    # Đủ điều kiện (issue 4)
    path("xet-khen-thuong/", eligibility.eligibility, name="eligibility"),
    path("xet-khen-thuong/excel/", eligibility.eligibility_xlsx, name="eligibility_xlsx"),
    path("xet-khen-thuong/quy-dinh-rieng/", local_rules.local_rules, name="local_rules"),
    path(
        "xet-khen-thuong/ca-nhan/<str:code>/",
        eligibility.person_eligibility_section,
        name="person_eligibility",
    ),
    # Đề nghị khen thưởng, hồ sơ (issue 6)
    path("de-nghi/", proposals.proposal_list, name="proposals"),
    path("de-nghi/tao/", proposals.proposal_create, name="proposal_create"),
    path("de-nghi/<uuid:code>/", proposals.proposal_detail, name="proposal"),
    path("de-nghi/<uuid:code>/doi-tuong/", proposals.candidate_add, name="candidate_add"),
    path(
        "de-nghi/<uuid:code>/doi-tuong/<int:pk>/can-cu-khac/",
        proposals.candidate_other_ground,
        name="candidate_other_ground",
    ),
    path(
        "de-nghi/<uuid:code>/doi-tuong/<int:pk>/bo/",
        proposals.candidate_remove,
        name="candidate_remove",
    ),
    path(
        "de-nghi/<uuid:code>/doi-tuong/<int:pk>/ket-luan/",
        proposals.candidate_release,
        name="candidate_release",
    ),
    path(
        "de-nghi/<uuid:code>/them-du-dieu-kien/",
        candidate_pickers.from_eligible,
        name="candidates_from_eligible",
    ),
    path(
        "de-nghi/<uuid:code>/them-tu-cum-thi-dua/",
        candidate_pickers.from_nominations,
        name="candidates_from_nominations",
    ),
    path("de-nghi/<uuid:code>/ho-so/tao/", proposals.dossier_generate, name="dossier_generate"),
    path("de-nghi/<uuid:code>/ho-so/tai-len/", proposals.document_upload, name="document_upload"),
    path("de-nghi/<uuid:code>/ho-so/<int:pk>/", proposals.document_download, name="document"),
    path(
        "de-nghi/<uuid:code>/y-kien/<int:pk>/tra-loi/",
        proposals.comment_answer,
        name="comment_answer",
    ),
    path("de-nghi/<uuid:code>/<slug:move>/", proposals.proposal_move, name="proposal_move"),
    # Hội đồng
    path("hoi-dong/", council.session_list, name="council"),
    path("hoi-dong/tao/", council.session_create, name="session_create"),
    path("hoi-dong/<int:pk>/", council.session_detail, name="session"),
    path("hoi-dong/<int:pk>/chuong-trinh/", council.session_agenda_add, name="session_agenda"),
    path("hoi-dong/<int:pk>/mo/", council.session_open, name="session_open"),
    path("hoi-dong/<int:pk>/ket-thuc/", council.session_close, name="session_close"),
    path("hoi-dong/<int:pk>/bien-ban.docx", council.session_minutes, name="session_minutes"),
    path("hoi-dong/<int:pk>/phieu/<int:ballot>/", council.ballot_vote, name="ballot_vote"),
    path(
        "hoi-dong/<int:pk>/phieu/<int:ballot>/gio-tay/",
        council.ballot_hands,
        name="ballot_hands",
    ),
    # Quyết định
    path("quyet-dinh/", decisions.decision_list, name="decisions"),
    path("quyet-dinh/tao/", decisions.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision"),
    path("quyet-dinh/<int:pk>/sua/", decisions.decision_edit, name="decision_edit"),
    path("quyet-dinh/<int:pk>/quyet-dinh.docx", decisions.decision_docx, name="decision_docx"),
    path("quyet-dinh/<int:pk>/ban-hanh/", decisions.decision_issue, name="decision_issue"),
    path("quyet-dinh/<int:pk>/huy/<int:record>/", decisions.award_revoke, name="award_revoke"),
    path("giay-khen/<str:code>.pdf", decisions.certificate_download, name="certificate_pdf"),
]
