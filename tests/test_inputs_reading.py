"""kg.text.reading, kg.text.html and kg.text.script on their own: decoding, detection, HTML, t2s."""

from __future__ import annotations

import codecs

import pytest

from kg.errors import KgError
from kg.text.html import html_to_text, looks_like_html
from kg.text.reading import decode, read_decoded
from kg.text.script import convert, is_traditional, to_simplified

TEXT = "绿水市第三届人民代表大会第二次会议今天开幕，市长赵文博作政府工作报告，副市长钱思远出席。"
TRAD = "綠水市第三屆人民代表大會第二次會議今天開幕，市長趙文博作政府工作報告，副市長錢思遠出席。"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb2312"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
])
def test_simplified_text_in_each_encoding_reads_back(data, encoding):
    got = decode(data, "x.txt")
    assert got.text == TEXT and got.encoding == encoding and got.format == "text"


def test_big5_reads_back_as_traditional():
    got = decode(TRAD.encode("big5"), "x.txt")
    assert got.text == TRAD and got.encoding in {"big5", "cp950", "big5hkscs"}


@pytest.mark.parametrize("text", ["会议", "省十", "主持", "人大常委会"])
def test_short_gbk_is_not_mistaken_for_big5(text):
    assert decode(text.encode("gbk"), "x").text == text


@pytest.mark.parametrize("text", ["會議", "主席團", "國務院"])
def test_short_big5_is_not_mistaken_for_gbk(text):
    assert decode(text.encode("big5"), "x").text == text


def test_given_encoding_wins_and_is_strict():
    assert decode(TEXT.encode("gbk"), "x", encoding="gbk").text == TEXT
    assert decode(codecs.BOM_UTF8 + TEXT.encode(), "x", encoding="utf-8").text == TEXT
    with pytest.raises(KgError, match=r"^x: not valid big5 text \(byte 0x[0-9a-f]{2} at offset \d+\)$"):
        decode(TEXT.encode("gbk"), "x", encoding="big5")


def test_damaged_utf8_is_named_not_guessed():
    data = TEXT.encode() * 20
    data = data[:300] + b"\xff" + data[300:]
    with pytest.raises(KgError, match=r"damaged UTF-8 text \(invalid byte 0xff at offset 300\)"):
        decode(data, "x")


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\r\n", "only white space"),
    ("\u3000\u00a0\n".encode(), "only white space"),
    (b"%PDF-1.7\n" + TEXT.encode(), "binary file (a PDF document)"),
    (b"PK\x03\x04" + b"\x00" * 30, "binary file (a ZIP"),
    (TEXT.encode()[:30] + b"\x00" + TEXT.encode(), "binary file (NUL bytes)"),
    (bytes(range(0x80, 0x100)), "not in a known text encoding"),
    ("Привет, мир! Заседание открылось.".encode("koi8-r") * 3, "not in a known text encoding"),
    (b"Only English here, 2024.", "no Chinese text"),
    (b"<html><body><script>var a = '\xe4\xbc\x9a';</script></body></html>", "no text in the page"),
])
def test_refusals_are_one_line_and_name_the_input(data, reason):
    with pytest.raises(KgError) as info:
        decode(data, "dir/name with\nnewline.txt")
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith("dir/name with\\nnewline.txt: ")
    assert reason in msg


def test_max_chars_refuses_before_and_after_decoding(tmp_path):
    with pytest.raises(KgError, match="too large .*--max-chars 10"):
        decode(TEXT.encode(), "x", max_chars=10)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: 3 GB on no disk, refused by its size alone
        fh.write(TEXT.encode())
        fh.truncate(3 << 30)
    with pytest.raises(KgError, match=r"big.txt: too large \(3.0 GB"):
        read_decoded(big)


def test_read_path_errors(tmp_path):
    with pytest.raises(KgError, match="missing.txt: no such file"):
        read_decoded(tmp_path / "missing.txt")
    with pytest.raises(KgError, match=": is a directory"):
        read_decoded(tmp_path)


def test_html_suffix_or_markup_makes_a_page(tmp_path):
    page = f"<div><h1>标题</h1><p>{TEXT}</p></div>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    assert read_decoded(tmp_path / "a.html").text == f"标题\n\n{TEXT}"
    doc = f"<!DOCTYPE html><html><body><p>{TEXT}</p></body></html>"
    assert decode(doc.encode(), "a.txt").format == "html"
    assert decode(f"<p>在正文中提到<b>标签</b>。{TEXT}".encode(), "a.txt").format == "html"
    assert decode(f"{TEXT}文中写了 <b> 这样的字样。".encode(), "a.txt").format == "text"


def test_html_text_drops_chrome_and_keeps_sentences_whole():
    page = """<html><head><title>站名</title><style>p{}</style></head><body>
      <header>网站导航</header><nav><a>首页</a></nav><aside>相关新闻</aside>
      <div role="navigation">栏目</div><div hidden>隐藏</div><div style="display: none">也隐藏</div>
      <div class="a"><h2>第一段
      标题</h2><p>周末，绿水市召开
      会议。Mr.&nbsp;Li  attended<br>the meeting.</p><table><tr><td>甲</td><td>乙</td></tr></table></div>
      <noscript>请启用脚本</noscript><form>搜索</form><footer>版权所有</footer></body></html>"""
    assert html_to_text(page) == "第一段标题\n\n周末，绿水市召开会议。Mr.\u00a0Li attended\nthe meeting.\n\n甲 乙"


def test_html_article_element_is_the_article_and_keeps_its_header():
    page = ("<body><header>站名</header><article><header><h1>会议开幕</h1></header><p>正文。</p>"
            "<footer>记者 孙某</footer></article><footer>版权</footer></body>")
    assert html_to_text(page) == "会议开幕\n\n正文。\n\n记者 孙某"


def test_html_deep_nesting_does_not_recurse():
    page = "<div>" * 20000 + "深处的文字" + "</div>" * 20000
    assert html_to_text(page) == "深处的文字"


@pytest.mark.parametrize("text,is_html", [("<!doctype html><p>x", True), ("  <html>", True),
                                          ("<!-- saved --><html>", True), ("会议<p>", False), ("", False)])
def test_looks_like_html(text, is_html):
    assert looks_like_html(text) is is_html


def test_to_simplified_converts_traditional_only():
    assert to_simplified(TRAD) == TEXT
    assert is_traditional(TRAD) and not is_traditional(TEXT)
    assert to_simplified(TEXT) == TEXT
    assert to_simplified("於文华主持会议，会议强调要坚持稳中求进。") == "於文华主持会议，会议强调要坚持稳中求进。"


def test_t2s_is_character_for_character_over_every_bmp_ideograph():
    chars = "".join(chr(c) for c in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)])
    out = convert(chars)
    assert len(out) == len(chars)
    assert out[chars.index("會")] == "会" and out[chars.index("乾")] in "干乾"


def test_t2s_keeps_length_around_surrogates_and_astral_characters():
    text = "會議\ud800開幕😀\U00020000國\n\r\n"
    out = convert(text)
    assert len(out) == len(text) and out.startswith("会议\ud800开幕")
