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


def test_cue_and_department_tests_written_after_their_word_read_as_before():
    import re

    from kg.extract.goals import _TASK
    from kg.extract.organizations import _LOCAL_DEPARTMENT
    from kg.text.han import HAN

    text = "主要任务，需要，要加快，重要的是要求，今年要，市财政局和县政府办公室，的州人社局，绿江市教育局"
    task_before = (r"(?<![重主需只纲概首必紧显扼])要(?![求点素件闻害])|必须|任务|部署|安排|目标|下一步|今后|今年|明年|"
                   r"原则|举措|要求")
    assert [m.span() for m in _TASK.finditer(text)] == [m.span() for m in re.finditer(task_before, text)]
    department_before = _LOCAL_DEPARTMENT.pattern.replace(f"(?P<u>市|县|州)(?:(?<![{HAN}].)|(?<=[和及与、的对向在由].))",
                                                          f"(?:(?<![{HAN}])|(?<=[和及与、的对向在由]))(?P<u>市|县|州)")
    assert department_before != _LOCAL_DEPARTMENT.pattern
    found = [(m.span(), m.groupdict()) for m in _LOCAL_DEPARTMENT.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in re.finditer(department_before, text)] and len(found) == 3
