"""A refusal in Chinese names its field and place in words, never by a code name."""

from __future__ import annotations

from ttdesk.core.base.errors import ConflictError, NotFound, RuleViolation
from ttdesk.core.base.labels import where_words


def test_a_problem_in_chinese_names_field_and_row_in_words() -> None:
    err = RuleViolation("R1", "份额合计须为 100%", "Shares must total 100%",
                        field="share", where="contributors[1]")
    assert err.messages("zh") == ["[R1] 完成人 第 2 行 贡献比例（%）: 份额合计须为 100%"]
    # English keeps the names the exchange format and the CLI use
    assert err.messages("en") == ["[R1] contributors[1] share: Shares must total 100%"]


def test_places_that_are_data_stay_as_they_are() -> None:
    assert where_words("CG-2026-0001") == "CG-2026-0001"
    assert where_words("成果台账!H2") == "成果台账!H2"
    assert where_words("status.xlsx") == "status.xlsx"
    assert where_words("achievements[0].trl") == "科技成果 第 1 行.成熟度"


def test_not_found_and_conflict_speak_one_language() -> None:
    assert NotFound("转化项目 / deal", "HT-1").messages("zh") == ["未找到转化项目：HT-1"]
    assert NotFound("转化项目 / deal", "HT-1").messages("en") == ["deal not found: HT-1"]
    zh = ConflictError("成果 / achievement", "CG-1").messages("zh")[0]
    assert zh.startswith("成果 CG-1 已被他人修改") and "achievement" not in zh
