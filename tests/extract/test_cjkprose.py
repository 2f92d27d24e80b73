from __future__ import annotations

from toolkit.extract.cjkprose import promote_cjk_runs
from toolkit.extract.classify import Classified, classify
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit

# Made-up blog lines of 26 to 30 characters with no closing punctuation, as many blogs write.
LINES = [
    "今天早上我们从台北出发一路上天气都很好 到了山上已经是中午时分",
    "山上的枫叶已经开始变红 远远看去整片山坡就像披上了一件彩色的外衣",
    "营地的主人很热情地招呼我们 还帮忙把行李搬到了最好的位置上面",
    "晚上大家围在一起烤肉聊天 一直到深夜才各自回到帐篷里面休息睡觉",
]
HEADLINES = ["新竹一日游景点推荐", "【住宿】湖滨饭店体验", "美食地图全攻略", "周末去哪里玩"]


def _units(texts: list[str]) -> list[Classified]:
    return classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())


def test_a_run_of_long_cjk_lines_is_prose() -> None:
    units = _units([*LINES, "IMG_3886.jpg", *LINES[:2]])
    assert not any(c.prose for c in units)
    promoted = promote_cjk_runs(units)
    assert [c.prose for c in promoted] == [True] * 4 + [False] + [True] * 2


def test_short_headlines_and_isolated_long_lines_stay_as_they_were() -> None:
    units = _units([*HEADLINES, LINES[0], *HEADLINES, LINES[1], LINES[2]])
    assert [c.prose for c in promote_cjk_runs(units)] == [c.prose for c in units]
