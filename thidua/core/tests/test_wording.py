from thidua.core.catalog import Recipient
from thidua.core.documents import Granted, decision_subject, grant_sentence


def test_a_title_is_recognised_and_only_the_kinds_present_are_counted():
    granted = Granted("chien_si_thi_dua_co_so", (2024,), {Recipient.INDIVIDUAL: 2})

    assert grant_sentence(granted) == (
        "Công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024 cho 02 cá nhân "
        "(có danh sách kèm theo)."
    )


def test_a_form_is_given_to_collectives_before_people():
    granted = Granted("giay_khen", (2024,), {Recipient.INDIVIDUAL: 15, Recipient.COLLECTIVE: 2})

    assert grant_sentence(granted).startswith(
        "Tặng Giấy khen cho 02 tập thể và 15 cá nhân đã có thành tích xuất sắc trong thực "
        "hiện nhiệm vụ năm 2024"
    )


def test_the_subject_line_names_the_verb_and_the_year():
    grants = [Granted("lao_dong_tien_tien", (2023, 2024), {Recipient.INDIVIDUAL: 1})]

    assert decision_subject(grants) == (
        "Về việc công nhận danh hiệu Lao động tiên tiến các năm 2023, 2024"
    )
