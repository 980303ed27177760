"""What a Chinese personal name looks like, and where one can end.

A name is a family name (single or compound, from the lexicon) and one or two given
characters, or a transcribed name joined with `·` (阿依古丽·买买提). Whether a string of
that shape *is* a name is decided by its context (a title before it, a verb after it, a
place in a list of names); this module answers the shape and boundary questions only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from kg.lexicon import lexicon
from kg.lexicon import rows as lexicon_rows
from kg.text.alternation import words_re
from kg.text.document import is_cjk
from kg.text.han import HAN

#: characters that end a clause or separate items
DELIMITERS = set("，。、；：！？,.;:!?（）()“”‘’《》「」【】\n —…/／")

#: a part of a `·`-joined string that names a medium, not a person (某某日报·某某网)
_BRAND = re.compile(r"(?:日报|晚报|晨报|报|网|社|台|刊|新闻|客户端|在线|频道|视点|观察)(?=[·•・‧]|$)")
_DAY = re.compile(r"[〇一二三四五六七八九十]{1,3}日")
#: the dots that join the parts of a transcribed name: the middle dot, and the bullet,
#: katakana and hyphenation points some pages write for it (某某某•某某)
DOTS = "·•・‧"
_DOT_NAME = re.compile(rf"(?:[{HAN}]{{2,5}}|[{HAN}](?=[·•・‧][{HAN}]{{3}}))"
                       rf"(?:[·•・‧][{HAN}]{{1,8}}){{1,3}}")  # 雷·额尔某某: one character first

#: characters that never stand in a given name in this genre; they mark a word, not a name
_NOT_IN_NAME = set("等所陪并按共性合协员言也还补在就座台们的了省市县区府部厅局届次议日时要把被这那该本各们之上下里内外个位名项件人常")
#: characters that stand inside a given name (沈大川, 罗会宁) but never end one (人大, 全会, 位州:
#: a measure word and a prefecture, 三百位州政协委员)
_NOT_LAST_IN_NAME = set("大会州")

#: last characters that, when a shorter reading is also valid, are words after a name
_FUNCTION_TAIL = set("在和与及等说作是为对向从到将把被也都就还又代主出讲指强表宣参列会致发同以当任受")


@cache
def followers() -> dict[str, str]:
    """Words that may follow a name -> the participation kind they signal ('-' for none)."""
    return {word: kind.strip() for word, kind in lexicon_rows("verbs.tsv", 2, fill="-")}


#: words that follow a name without a part in a meeting (省政协副主席甲应邀列席, 甲因年龄原因…)
_MORE_FOLLOWERS = ("应邀", "因", "率", "陪同", "带领", "请假", "缺席", "不再", "请辞", "被", "已", "曾", "将")


@cache
def _follower_re() -> re.Pattern:
    return words_re(set(followers()) | set(_MORE_FOLLOWERS))


def is_boundary(text: str, j: int, words: bool = True) -> bool:
    """True when a name may end just before position j (`words`: also before a frequent
    word of the dictionary, not only before a delimiter, a follower or a title)."""
    if j >= len(text):
        return True
    ch = text[j]
    if ch in DELIMITERS or ch.isspace() or ch.isdigit():
        return True
    if ch == "摄" and is_boundary(text, j + 1):  # a photograph's credit: 宋清远摄
        return True
    if _DAY.match(text, j):  # 记者某十日电: a date in Chinese numerals
        return True
    if _follower_re().match(text, j):
        return True
    if lexicon().title_re.match(text, j):
        return True
    # a word of the dictionary starts here (王某建议, 李某俯身, 撤销赵某政协委员资格)
    return words and _opens_word(text[j:j + 3])


@cache
def _opens_word(head: str) -> bool:
    """Whether `head` (up to three characters) opens a frequent word that may follow a name
    (cached: the same few characters are asked about across a corpus)."""
    from kg.text.tokens import frequent_words, word_tag

    for k in (2, 3):
        w = head[:k]
        tag = word_tag(w)
        if tag is not None and not tag.startswith("nr") and tag not in _NOT_AFTER_NAME and w in frequent_words():
            return True
    return False


#: word classes that do not start the clause after a name: a numeral or measure word, a
#: suffix, a time word glued to the name (…年, …月), place and organisation names
_NOT_AFTER_NAME = {"m", "q", "k", "t", "tg", "ns", "nt", "nz", "x", "eng", "uj", "ul", "uz", "ug", "uv", "ud"}


def has_surname(cand: str) -> bool:
    lex = lexicon()
    return cand[:2] in lex.compound_surnames or cand[0] in lex.surnames


#: family names that are also common function words (和, 向, 但 …): a name with one needs
#: a title right before it
AMBIGUOUS_SURNAMES = set("和但向边相全严区强管常利任于同时安宣都铁占来应木")


@cache  # a pure function of a short string, asked ~4 times for each distinct string
def name_shaped(cand: str) -> bool:
    """True when `cand` has the shape of a personal name (not its context)."""
    if _DOT_NAME.fullmatch(cand):
        return not lexicon().title_re.search(cand) and not _BRAND.search(cand)
    if not (2 <= len(cand) <= 4) or not all(is_cjk(c) for c in cand):
        return False
    if not has_surname(cand):
        return False
    given = cand[2:] if cand[:2] in lexicon().compound_surnames and len(cand) > 2 else cand[1:]
    if any(c in _NOT_IN_NAME for c in given) or given[-1:] in _NOT_LAST_IN_NAME:
        return False
    if "年" in given and (len(given) < 2 or given[0] == "年"):
        return False  # 方康年 is a name; 明年, 同年 are not
    if len(cand) == 4 and cand[:2] not in lexicon().compound_surnames:
        return False
    # 应出席, 王主持: a family-name character and a verb after a name, not a given name
    return given not in followers()


@lru_cache(maxsize=4096)  # asked again for the same place by several modes (text, i: an article's)
def name_at(text: str, i: int, long_ok: bool = False) -> int | None:
    """End of a name starting at i whose end is a boundary, or None.

    `long_ok` admits four-character names without a compound family name (白玛次仁), as a
    list of names does."""
    m = _DOT_NAME.match(text, i)
    if m and _BRAND.search(m.group(0)):
        return None  # 陇原日报·陇原网: a paper's brand, not a transcribed name
    if m:
        end = dot_name_end(text, i, m.end())
        if end is not None:
            return end
    if i >= len(text) or not is_cjk(text[i]) or (i > 0 and text[i - 1] in DOTS):
        return None  # 某某某·某某: no name starts inside a transcribed one
    valid = _valid_lengths(text, i, long_ok)
    return i + _best_length(text, i, valid) if valid else None


def first_dot(text: str, start: int = 0, end: int | None = None) -> int:
    """Position of the first of DOTS in text[start:end], or -1: a transcribed name holds
    one, and most articles none, so a scan for such names starts there or not at all."""
    m = _ANY_DOT.search(text, start, len(text) if end is None else end)
    return m.start() if m else -1


_ANY_DOT = re.compile(f"[{DOTS}]")


def dot_name_end(text: str, i: int, end: int) -> int | None:
    """End of a transcribed name [i, end): the last part ends at the first boundary
    (阿依古丽·买买提 + 出席); a follower is tried before a word (买买提出席, not 提出)."""
    last = max(text.rfind(d, i, end) for d in DOTS) + 1
    for words in (False, True):
        for e in range(last + 2, end + 1):
            if is_boundary(text, e, words):
                return e
    return None


def _valid_lengths(text: str, i: int, long_ok: bool) -> list[int]:
    """The lengths a name starting at i may have, in order of preference."""
    lengths = [4, 3] if text[i:i + 2] in lexicon().compound_surnames else [3, 2]
    if long_ok:
        lengths = [4] + [n for n in lengths if n != 4]
    valid = []
    for n in lengths:
        cand = text[i:i + n]
        if len(cand) < n:
            continue
        if cand.endswith("摄") and is_boundary(text, i + n):
            continue  # 宋清远摄 at a caption's end credits 宋清远
        shaped = name_shaped(cand) or (long_ok and n == 4 and _long_name(cand)
                                       and not _word_after_three(text, i))
        if not shaped:
            continue
        # 沈多宁感受: after a title, a word that starts right after three characters ends the name
        if is_boundary(text, i + n) or (long_ok and n == 3 and _word_after_three(text, i)
                                        and _long_name(text[i:i + 4]) and is_boundary(text, i + 4)):
            valid.append(n)
    return valid


def _best_length(text: str, i: int, valid: list[int]) -> int:
    best = valid[0]
    if best == 4 and 3 in valid and is_boundary(text, i + 3, words=False):
        best = 3  # 林卫安因工作变动: a follower after three characters ends the name there
    # 张建在主席台: 在 is a verb after a two-character name; but 陈立和， cannot be a name
    # and a conjunction, since nothing follows the 和
    after = text[i + best] if i + best < len(text) else "\n"
    tail = text[i + best - 1]
    if len(valid) > 1 and tail in _FUNCTION_TAIL and not (tail in "和与及" and after in DELIMITERS):
        best = valid[1]
    return best


def _word_after_three(text: str, i: int) -> bool:
    """沈多宁感受: a three-character name, then a word (感受) that starts with the fourth character."""
    return name_shaped(text[i:i + 3]) and any(is_word(text[i + 3:i + k]) for k in (5, 6))


@cache
def _long_name(cand: str) -> bool:
    """A four-character name without a compound family name (梁陈美玲, 白玛次仁), not two words."""
    return (has_surname(cand) and all(is_cjk(c) for c in cand)
            and not any(c in _NOT_IN_NAME for c in cand[1:]) and cand[-1] not in _NOT_LAST_IN_NAME
            and not is_word(cand[:2]) and not is_word(cand[2:]) and not is_word(cand)
            and not is_word(cand[1:]) and not is_word(cand[:3])  # 国俄罗斯: a word inside
            and not _two_names(cand))


def _two_names(cand: str) -> bool:
    """王某李某: two two-character names of frequent family names written together."""
    return (cand[0] in FREQUENT_SURNAMES and cand[2] in FREQUENT_SURNAMES
            and name_shaped(cand[:2]) and name_shaped(cand[2:]))


def clause_start(text: str, pos: int) -> int:
    """Start of the clause holding `pos`: just after the nearest delimiter before it."""
    marks = _delimiter_positions(text)
    k = bisect_left(marks, pos)
    return marks[k - 1] + 1 if k else 0


_DELIMITER = re.compile("[" + "".join(re.escape(c) for c in sorted(DELIMITERS)) + "]")


@lru_cache(maxsize=8)  # an article's text, asked about once for every verb and title in it
def _delimiter_positions(text: str) -> list[int]:
    return [m.start() for m in _DELIMITER.finditer(text)]


def name_before(text: str, j: int, start: int) -> int | None:
    """Start of a name that ends at j and begins at or after `start` (a clause start)."""
    for n in (3, 2, 4):
        i = j - n
        if i < start:
            continue
        if i != start and text[i - 1] not in DELIMITERS:
            continue
        if n == 3 and text[j - 1] in "和与及":
            continue  # 甲和专家乙: the title after 和 is the next person's
        if n == 3 and text[j - 1] in "为任" and name_shaped(text[i:j - 1]):
            continue  # 选举甲、乙为副省长: 为 links the name to the post after it
        if name_shaped(text[i:j]):
            return i
    found = list(_DOT_NAME.finditer(text, start, j)) if first_dot(text, start, j) >= 0 else None
    m = found[-1] if found else None
    if m and m.end() == j and name_at(text, m.start()) == j and (m.start() == start or text[m.start() - 1] in DELIMITERS):
        return m.start()
    return None


@cache
def is_word(cand: str) -> bool:
    """True when jieba's dictionary knows `cand` as an ordinary word (not a person's name).

    jieba tags many frequent two-character words `nr` (智慧, 文明, 光荣): one that frequent
    is a word, not a name."""
    from kg.text.tokens import common_name_words, word_tag

    tag = word_tag(cand)
    if tag is None:
        return False
    if not tag.startswith("nr"):
        return True
    # two-character names jieba's texts made frequent words: a common family name keeps it a name
    return cand in common_name_words() and cand[0] not in FREQUENT_SURNAMES


#: the hundred most frequent family names
FREQUENT_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕"
    "丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严")
