"""Where enumerated lists' markers are read (invented sentences)."""

from __future__ import annotations


def test_markers_open_a_clause_tested_inside_them_as_before_them():
    import re

    from kg.extract import goal_lists as g

    open_before = r"(?:(?<=^)|(?<=[\n。；，：！？”、 ]))"
    before = [rf"{open_before}([{g._NUM}]{{1,3}})(?:是|要)(?=[^，。；])", rf"{open_before}第([{g._NUM}]{{1,3}})(?:是|，|：|、)",
              rf"{open_before}([{g._NUM}]{{1,3}})、(?=[^，。；、\d{g._NUM}])", rf"{open_before}(首先|其次|再次|最后)(?:是|要|，)?"]
    after = [g._FAMILIES[0][0], g._FAMILIES[1][0], g._FAMILIES[3][0], g._SEQUENCE_RE]
    text = "一是要甲；二是乙\n三是丙，十二是丁。第一，戊；第二是\n第三、己\n四十一是，一二是、五、六、首先，其次要\n最后是 七是"
    for b, a in zip(before, after, strict=True):
        whole = [(m.span(), m.groups()) for m in re.finditer(b, text, re.M)]
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == whole and whole
