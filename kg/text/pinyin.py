"""Names in Hanyu Pinyin: a person's (family name read as a family name) and a body's.

The graph gives every person and body a pinyin label (`skos:altLabel "Fang Liyan"@zh-Latn-pinyin`)
so that readers outside China can read and query the names, and the page lets a reader
search by pinyin (`fang liyan`, `fly`). Readings come from pypinyin (its phrase table
reads 重庆 chóngqìng, 长沙 chángshā). pypinyin has no family-name mode, so a family name
is read here from the readings a character takes as a family name (单 shàn, not dān; 曾
zēng, not céng), which differ from its commonest reading; the given name is read as text.

Labels are written as names are romanised abroad: toneless, the family name and the
given name each capitalised, the given name's syllables joined (`Ouyang Ming`, `Lü Xin`);
a body's name is cut into words (jieba's frequent words, longest first), each capitalised
(`Shanxi Sheng Renmin Zhengfu`), with an apostrophe where a syllable starting with a, o
or e would run into the one before (`Xi'an`).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

#: readings of characters as family names where they differ from the reading pypinyin
#: gives the character alone (tone-marked); compound family names are read as a whole
SURNAME_READINGS: dict[str, str] = {
    "单": "shàn", "曾": "zēng", "解": "xiè", "仇": "qiú", "区": "ōu", "朴": "piáo", "查": "zhā",
    "盖": "gě", "乐": "yuè", "缪": "miào", "瞿": "qú", "覃": "qín", "翟": "zhái", "种": "chóng",
    "重": "chóng", "秘": "bì", "冼": "xiǎn", "华": "huà", "过": "guō", "纪": "jǐ", "燕": "yān",
    "繁": "pó", "折": "shè", "召": "shào", "宓": "fú", "柏": "bǎi", "薄": "bó", "贾": "jiǎ",
    "阚": "kàn", "员": "yùn", "贠": "yùn", "厍": "shè", "句": "gōu", "黑": "hè", "都": "dū",
    "六": "lù", "居": "jū", "沈": "shěn", "叶": "yè", "殷": "yīn", "陆": "lù", "尉": "wèi",
    "长": "cháng", "藏": "zàng", "相": "xiàng", "车": "chē", "强": "qiáng", "能": "nài",
    "万俟": "mò qí", "尉迟": "yù chí", "单于": "chán yú", "长孙": "zhǎng sūn", "澹台": "tán tái",
}

#: longest word tried when cutting a body's name into words
_MAX_WORD = 4
_VOWEL_START = ("a", "o", "e")
#: the level after a place's name, written as a word of its own (GB/T 16159)
_LEVELS = frozenset("省市县区州盟旗镇乡村")


def _style():
    from pypinyin import Style

    return Style.TONE


@lru_cache(maxsize=65536)
def readings(text: str) -> tuple[str, ...]:
    """Tone-marked syllables of `text`, one per character (a character with no reading,
    a letter or a digit, is kept as it is)."""
    from pypinyin import pinyin

    out: list[str] = []
    for ch, syl in zip(text, pinyin(text, style=_style(), errors=lambda s: list(s), v_to_u=True), strict=False):
        out.append(syl[0] if syl and syl[0] else ch)
    # pypinyin returns one item per character for CJK text; anything else is kept whole
    return tuple(out) if len(out) == len(text) else tuple(text)


def toneless(syllable: str) -> str:
    """A syllable without tone marks (ü kept: `lü`)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


def _join(syllables: list[str]) -> str:
    """Syllables of one word joined, with an apostrophe before a, o, e inside the word."""
    out = ""
    for s in syllables:
        if out and s[:1].lower() in _VOWEL_START:
            out += "'"
        out += s
    return out


def _word(syllables: list[str], tones: bool) -> str:
    word = _join([s if tones else toneless(s) for s in syllables])
    return word[:1].upper() + word[1:]


def family_name_length(name: str) -> int:
    """Characters of `name` that are its family name: two for a compound family name
    (the lexicon's, or one read as a whole above), else one."""
    from kg.lexicon import lexicon

    if len(name) >= 3 and (name[:2] in lexicon().compound_surnames or name[:2] in SURNAME_READINGS):
        return 2
    return 1


def person_syllables(name: str) -> tuple[list[str], list[str]]:
    """The tone-marked syllables of a person's family name and given name."""
    n = family_name_length(name)
    family, given = name[:n], name[n:]
    fam = SURNAME_READINGS[family].split() if family in SURNAME_READINGS else list(readings(family))
    return fam, list(readings(given)) if given else []


def person(name: str, tones: bool = False) -> str:
    """A person's name in pinyin: `Fang Liyan`, `Shan Xiaoming` (单 as a family name),
    `Ouyang Ming`; names of several parts (`·`) give each part capitalised."""
    name = name.strip()
    if not name:
        return ""
    if "·" in name or "•" in name:
        parts = name.replace("•", "·").split("·")
        return " ".join(_word(list(readings(p)), tones) for p in parts if p)
    family, given = person_syllables(name)
    return " ".join(w for w in (_word(family, tones), _word(given, tones) if given else "") if w)


@cache
def _words() -> frozenset[str]:
    from kg.text.tokens import frequent_words

    return frequent_words()


def words(name: str) -> list[str]:
    """`name` cut into words: the longest of jieba's frequent words (two to four
    characters) at each point, else one character (省, 市 stand alone)."""
    vocab = _words()
    out, i = [], 0
    while i < len(name):
        for size in range(min(_MAX_WORD, len(name) - i), 1, -1):
            w = name[i:i + size]
            if w in vocab:
                # a place's level stands apart from its name: 山西省 -> 山西 省
                out += [w[:-1], w[-1]] if size > 2 and w[-1] in _LEVELS else [w]
                i += size
                break
        else:
            out.append(name[i])
            i += 1
    return out


def body(name: str, tones: bool = False) -> str:
    """A body's name in pinyin, word by word: `Shanxi Sheng Renmin Zhengfu`."""
    name = name.strip()
    syl = readings(name)
    out, i = [], 0
    for w in words(name):
        out.append(_word(list(syl[i:i + len(w)]), tones))
        i += len(w)
    return " ".join(x for x in out if x)


def search_keys(syllables: list[str]) -> tuple[str, str]:
    """What a search matches: the syllables without tones or spaces (`fangliyan`) and
    their initials (`fly`); ü is written u here (a reader types `lu` or `lv`)."""
    plain = [ascii_fold(s) for s in syllables if s]
    return "".join(plain), "".join(s[:1] for s in plain)


def ascii_fold(text: str) -> str:
    """Lower case, tone marks and umlauts dropped, only ASCII letters and digits kept
    (full-width letters read as ASCII): a pinyin spelling as one key to compare."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def name_syllables(name: str, person_name: bool) -> list[str]:
    """All syllables of a name, a person's with the family name read as one."""
    if person_name and "·" not in name:
        family, given = person_syllables(name)
        return family + given
    return list(readings(name))


#: the language tag of a pinyin label (BCP 47: Chinese in Latin script, Hanyu Pinyin),
#: written in lower case as RDF stores normalise tags (pyoxigraph does): the same bytes
#: from every format and store; tags compare case-insensitively (langMatches)
LANGUAGE = "zh-latn-pinyin"


def label(name: str, person_name: bool) -> str:
    """The pinyin label of a person's (`person_name`) or a body's name."""
    return person(name) if person_name else body(name)


@lru_cache(maxsize=1 << 16)  # bounded: a corpus brings new names without end
def term(name: str, person_name: bool) -> str:
    """The pinyin label as an N-Triples literal term tagged LANGUAGE (for kg.rdf.mapping).

    Cached: the same people and bodies recur across a corpus's articles, and a label is a
    pure function of the name (pypinyin, the lexicon and jieba's words are fixed per process)."""
    from kg.rdf.terms import literal

    return literal(label(name, person_name), language=LANGUAGE)
