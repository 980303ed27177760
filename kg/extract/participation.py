"""Participation: who presided over, attended, reported to or spoke at a meeting.

In each sentence, a participation verb (主持, 出席, 在主席台就座, 作…报告, 讲话 …) takes as
its subjects the chain of people written right before it: names joined by 、 or 和, each
perhaps with its titles (省委副书记、省长方立言主持会议，省委副书记林书安，省领导…等出席). A name
followed by a word of its own (宣布, 签署, 为, 的 …) is no subject, so a headline that runs
clauses together (甲签署命令 乙主持) or a byline (记者丙) gives nothing to the verb.
`在主席台就座的还有：A、B…` and `出席会议并在主席台就座的有：…` put the subjects after the
verb. The meeting is the one its own clause names after the verb, else the one the sentence
is about (…委员长会议在京举行，X主持), else the article's main one; a clause that names
another, unknown gathering (出席第四届…议长会议) is no participation in any meeting here.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Participation
from kg.extract.roles import title_at_end
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("meetings", "people")
ADDS = ("participations",)

Mention = tuple[int, int, str]

_VERBS = re.compile(
    # the lookahead names every character a match can start with: the engine then passes
    # over the other positions at once instead of trying each branch there (4x faster)
    r"(?=[主出列参到在就作发讲致演强])"
    r"(?:(?P<presided>主持)"
    r"|(?P<attended>出席|列席|参加|到会|参会|在主席台(?:前排)?(?:执行主席席)?就座|就座)"
    r"|(?P<report>(?<![工合创写操动制协运著振])作(?=[^，。；]{0,60}?(?:报告|说明|汇报)))"
    r"|(?P<speech>(?<![工合创写操动制协运著振])作(?=[^，。；]{0,8}(?:讲话|演讲|发言))|发表(?=[^，。；]{0,8}(?:讲话|演讲))"
    r"|讲话|致辞|(?<![导以一所兴细极别景标雅精大])致(?=[^，。；]{0,4}?[辞词])|演讲|发言(?![人稿])|(?:在[^，。；]{0,16}?上|在会上|在讲话中)?强调))"
)
#: a list of subjects after the verb: 在主席台就座的领导同志还有：, 出席会议并在主席台就座的有：,
#: 应邀出席大会的省领导有：
_AFTER_LIST = re.compile(
    r"(?=[应出列参在])"  # (the characters a match starts with: the engine skips other places)
    r"(?:(?:应邀)?(?:出席|列席|参加)[^，。；：、]{0,8}?(?:并在主席台(?:前排)?就座)?|在主席台(?:前排)?就座)"
    r"的[^，。；：、]{0,8}?(?:还)?有[：:]?"
)
#: 听取了甲关于…的说明: 甲 reported, though no 作 is written
_HEARD = re.compile(r"听取(?:了|和审议了?|并审议了?)?")
_HEARD_ABOUT = ("关于", "所作", "作的", "就")
#: a clause that goes on with the subject of the clause before it (…进行了宣誓，随后作了讲话)
_GOES_ON = re.compile(r"(?:随后|随即|接着|然后|之后|同时|并|又|还|也)")
#: 在甲的主持下: presided, the name inside the phrase
_UNDER = re.compile(r"在(?P<who>[^，。；、在]{2,12}?)的主持下")
_NOT_A_SPEECH = re.compile(r"^(?:[^，。]{0,4})(?:精神|指示)")
#: words that may stand between a subject's name and its verb (X等在主席台就座, X代表国务院
#: 向大会作报告, X受委托作说明, X 21日下午主持); anything else after a name is a clause of
#: its own (X签署主席令, X为部长, X宣布, X新时代…思想)
_BRIDGE = re.compile(
    r"(?:等|和|及|以及|与|同|跟|在|于|到|通过|以|代表|向|受|也|还|又|再|就|对|分别|先后|共同|一同|一起|"
    r"随后|随即|首先|最后|接着|应邀|专程|亲自|再次|并|均|都|率|当天|今天|昨天|今日|日前|近日|"
    r"上午|下午|晚上|晚间|\d+月|\d+日)"
)
#: what joins two names of one list of subjects: 、 or a conjunction, then perhaps titles
_MEETS = re.compile(r"会见|会晤|会谈|同|与")
_LINK = re.compile(r"^(?:[、，；]|和|及|以及|与|同)")
#: honorifics written after a name before the verb (X同志, X委员长)
_AFTER_NAME = re.compile(r"同志|先生|女士")
#: a sentence that reports what a meeting said or decided: its people are its content
#: (会议强调，某某总书记…发表重要讲话), not the meeting's participants
_CONTENT = re.compile(r"^(?:[^，。；]{0,16}，)?(?:会议|会上|大会|全会|会议认为|常委会)"
                      r"(?:指出|强调|认为|要求|提出|号召|决定|表示|明确|总结|肯定|重申|研究)")
#: a meeting named before the verb is the sentence's own when it is convened or met there
_TOPIC_AFTER = re.compile(r"^(?:[^，。；]{0,24}?(?:举行|召开|开幕|闭幕|开会)|上|期间)?(?:[，；]|$)")
#: the head of a named gathering a clause may attend (第四届…议长会议, …论坛, …峰会)
_GATHERING = re.compile(r"(?:会议|大会|论坛|峰会|年会|博览会|典礼|仪式|会晤)")
_GENERIC_GATHERING = re.compile(r"^(?:[^，。；]{0,4}?)(?:会议|大会|开幕会|闭幕会|全体会议|开幕式|闭幕式)")


def _kind(m: re.Match, text: str) -> str | None:
    if m.group("presided"):
        if text.startswith("人", m.end()):  # 主持人: the host, not the act
            return None
        return "presided"
    if m.group("attended"):
        if text.startswith(("人员", "人数", "证"), m.end()) or text[max(0, m.start() - 1):m.start()] == "应":
            return None  # 列席人员, 应出席: a noun or a count, not the act
        return "attended"
    if m.group("report"):
        return "reported"
    if m.group("speech"):
        word = m.group("speech")
        after = text[m.end():m.end() + 8]
        before = text[max(0, m.start() - 3):m.start()]
        if word == "讲话" and (_NOT_A_SPEECH.match(after) or before.endswith(("重要", "的"))):
            return None  # 重要讲话精神, 在…上的讲话: a speech referred to, not one given here
        if word == "发表" and re.match(r"^(?:的|了一系列)", after):
            return None  # 发表的重要讲话, 发表了一系列重要讲话: speeches referred to
        if word.endswith("强调") and before.endswith(("指示", "批示", "贺信", "信中", "回信")):
            return None  # 作出重要指示强调: an instruction, not a speech at a meeting
        if "主持" in word or "报告" in word:
            return None
        return "spoke"
    return None


def _strip_after_name(gap: str, ctx: Context) -> str:
    """The gap after a name without the title or honorific written after it (X委员长, X同志)."""
    m = ctx.lexicon.title_re.match(gap)
    if m:
        gap = gap[m.end():]
    m = _AFTER_NAME.match(gap)
    return gap[m.end():] if m else gap


def _tail_ok(gap: str, ctx: Context) -> bool:
    """True when `gap`, between a name and a verb, lets the name be the verb's subject."""
    if "：" in gap or "；" in gap:
        return False  # 甲在报告中对任务进行部署：…；…发言 — the verb is in a clause of its own
    return any(not g or g[0] in "，、" or bool(_BRIDGE.match(g)) for g in (gap, _strip_after_name(gap, ctx)))


def _link_ok(gap: str, ctx: Context) -> bool:
    """True when `gap` joins two names of one list (、, 和, ，省长 …)."""
    gap = _strip_after_name(gap, ctx)
    if gap.startswith("等"):
        gap = gap[1:]
    return not gap or bool(_LINK.match(gap))


def _subjects(text: str, cands: list[Mention], verb: int, ctx: Context) -> list[Mention]:
    """The chain of names right before the verb at `verb`, from the candidates before it."""
    chain: list[Mention] = []
    pos = verb
    for a, b, name in reversed(cands):
        gap = text[b:pos]
        if not (_link_ok(gap, ctx) if chain else _tail_ok(gap, ctx)):
            break
        chain.append((a, b, name))
        pos = a
    return chain[::-1]


def _co_subjects(text: str, cands: list[Mention], chain: list[Mention], verb: int,
                 ctx: Context) -> list[Mention]:
    """The host of `甲会见乙，并共同主持…`: 共同 makes the one who met the chain a subject too."""
    if not chain or "共同" not in text[chain[-1][1]:verb]:
        return []
    found = list(_MEETS.finditer(text, max(0, chain[0][0] - 16), chain[0][0]))
    if not found:
        return []
    m = found[-1]
    return _subjects(text, [x for x in cands if x[1] <= m.start()], m.start(), ctx)


def _clause_opener(text: str, start: int, end: int, mentions: list[Mention], ctx: Context) -> list[Mention]:
    """The names that open the clause [start, end), perhaps after their titles (市长甲、乙…)."""
    inside = [x for x in mentions if start <= x[0] and x[1] <= end]
    if not inside:
        return []
    lead = text[start:inside[0][0]]
    if lead and not (len(lead) <= 24 and title_at_end(lead, ctx)):
        return []
    chain = [inside[0]]
    for x in inside[1:]:
        if not _link_ok(text[chain[-1][1]:x[0]], ctx):
            break
        chain.append(x)
    return chain


def _continued(text: str, s: int, verb: int, mentions: list[Mention], ctx: Context) -> list[Mention]:
    """Subjects of a clause with none of its own that goes on from the clause before it
    (甲进行了宪法宣誓，随后作了讲话)."""
    comma = text.rfind("，", s, verb)
    if comma < 0 or not _GOES_ON.match(text, comma + 1) or any(comma < a < verb for a, _b, _n in mentions):
        return []
    prev = max(s, text.rfind("，", s, comma) + 1)
    return _clause_opener(text, prev, comma, mentions, ctx)


def _heard(text: str, s: int, e: int, mentions: list[Mention], ctx: Context) -> list[tuple[Mention, int]]:
    """(name, end of the item) of each 听取了甲关于…的报告 in the sentence: 甲 reported."""
    out = []
    for h in _HEARD.finditer(text, s, e):
        stop = next((k for k in range(h.end(), e) if text[k] in "，。；"), e)
        if not re.search(r"报告|说明|汇报", text[h.end():stop]):
            continue
        start = h.end()
        for x in mentions:
            a, b, _n = x
            if not (start <= a < stop and text.startswith(_HEARD_ABOUT, b)):
                continue
            lead = text[max(start, text.rfind("、", start, a) + 1):a]
            if not lead or title_at_end(lead, ctx):
                out.append((x, stop))
            start = b
    return out


def _meeting(text: str, doc: Document, meetings: list[Mention], main: str, s: int, vstart: int,
             vend: int, e: int, before: int | None = None) -> str | None:
    """The meeting a verb at [vstart, vend) in the sentence [s, e) is about; None for a
    gathering the article does not know. For a report or a speech, `before` is where the
    words between the subject and the verb start: the meeting is one named there (向…会议作,
    在…会议上发表), never one named in the report's title after the verb."""
    if before is not None:
        if vstart < doc.body_start:
            return main  # a headline's 在…会议上强调 is the article's meeting, in short
        named = next((n for a, b, n in meetings if before <= a < vend and text[a - 1:a] in ("向", "在", "于")), None)
        return named or sentence_meeting(text, doc, meetings, main, s, vstart)
    clause_end = next((k for k in range(vend, e) if text[k] in "，。；"), e)
    named = next((n for a, b, n in meetings if vstart <= a < clause_end), None)
    if named:
        return named
    obj = text[vend:clause_end]
    g = _GATHERING.search(obj)
    if g and not _GENERIC_GATHERING.match(obj) and g.start() > 4:
        # a gathering named in another form than the spans found: the meeting most like it;
        # one like none of them (出席第四届…议长会议) is a gathering unknown here
        return _most_like(obj[:g.end()], {n for _a, _b, n in meetings} | {main})
    return sentence_meeting(text, doc, meetings, main, s, vstart)


def _most_like(written: str, names: set[str]) -> str | None:
    """The meeting name sharing most characters with `written`, if it shares at least half."""
    def share(name: str) -> float:
        return len(set(written) & set(name)) / max(1, len(set(written)))
    best = max(sorted(names), key=share)
    return best if share(best) >= 0.5 else None


def sentence_meeting(text: str, doc: Document, meetings: list[Mention], main: str, s: int,
                      pos: int) -> str:
    """The meeting the sentence from `s` is about before `pos`: one it says is held or met
    (…委员长会议在京举行，X主持; 委员长会议上，X作汇报), else the main one. A meeting only
    mentioned (关于推迟召开…会议的决定, 为召开…会议作准备) is not the sentence's."""
    if pos < doc.body_start:
        return main  # a headline's 主持 is the headline's meeting
    for a, b, n in reversed(meetings):
        if s <= a and b <= pos and _TOPIC_AFTER.match(text[b:pos]):
            return n
    return main


class _Reader:
    """Reads the participations of one article, sentence by sentence."""

    def __init__(self, doc: Document, ctx: Context, facts: ArticleFacts, main: str) -> None:
        self.doc, self.ctx, self.facts, self.main, self.text = doc, ctx, facts, main, doc.text
        self.mentions = facts.person_mentions()
        self.starts = [a for a, _b, _n in self.mentions]
        self.meetings = sorted((a, b, m.name) for m in facts.meetings.values() for a, b in m.spans)
        self.seen: set[tuple[str, str, str]] = set()

    def add(self, person: str, kind: str, meeting: str, span: tuple[int, int]) -> None:
        if (person, kind, meeting) not in self.seen:
            self.seen.add((person, kind, meeting))
            self.facts.participations.append(Participation(person, kind, meeting, span))

    def meeting_of(self, m: re.Match, kind: str, s: int, e: int, subjects: list[Mention],
                   seg_start: int) -> str | None:
        before = (subjects[-1][1] if subjects else seg_start) if kind in ("reported", "spoke") else None
        return _meeting(self.text, self.doc, self.meetings, self.main, s, m.start(), m.end(), e, before)

    def verbs(self, s: int, e: int) -> None:
        """The participation verbs of the sentence [s, e) and their subjects."""
        text, ctx = self.text, self.ctx
        seg_start, last, last_meeting = s, [], None
        for m in _VERBS.finditer(text, s, e):
            kind = _kind(m, text)
            if kind is None:
                continue
            # the mentions that start in [seg_start, m.start()) and end by it (bisected)
            lo, hi = bisect_left(self.starts, seg_start), bisect_left(self.starts, m.start())
            cands = [x for x in self.mentions[lo:hi] if x[1] <= m.start()]
            subjects = _subjects(text, cands, m.start(), ctx)
            subjects = _co_subjects(text, cands, subjects, m.start(), ctx) + subjects
            named = bool(subjects)
            joined = not subjects and re.match(r"^[^，。；]{0,6}?并", text[seg_start:m.start()])
            if joined:
                subjects = last  # 主持会议并在主席台就座: the same people
            subjects = subjects or _continued(text, s, m.start(), self.mentions, ctx)
            last = subjects or last
            # 出席…会议并讲话: the second verb keeps the meeting of the first
            meeting = last_meeting if joined and last_meeting else self.meeting_of(m, kind, s, e, subjects, seg_start)
            last_meeting = meeting or last_meeting
            if meeting is not None:
                self.add_all(m, kind, meeting, subjects)
            if named or kind != "spoke":
                seg_start = m.end()

    def add_all(self, m: re.Match, kind: str, meeting: str, subjects: list[Mention]) -> None:
        if kind == "spoke" and m.group("speech").endswith("强调") and len(m.group("speech")) == 2:
            # a bare 强调 after a report continues the report, not a speech of its own
            subjects = [x for x in subjects if (x[2], "reported", meeting) not in self.seen]
        kinds = [kind]
        if kind == "presided" and self.text.startswith("讲话", m.end()):
            kinds.append("spoke")  # 在主持讲话中表示: the presiding speech is a speech
        for a, _b, name in subjects:
            for k in kinds:
                self.add(name, k, meeting, (a, m.end()))

    def phrases(self, s: int, e: int) -> None:
        """听取了甲关于…的说明, 在甲的主持下, and lists after 在主席台就座的还有：."""
        text, mentions = self.text, self.mentions

        def here(pos: int) -> str:
            return sentence_meeting(text, self.doc, self.meetings, self.main, s, pos)

        for (a, _b, name), end in _heard(text, s, e, mentions, self.ctx):
            self.add(name, "reported", here(a), (a, end))
        for m in _UNDER.finditer(text, s, e):
            for a, b, name in mentions:
                if m.start("who") <= a and b == m.end("who"):
                    self.add(name, "presided", here(m.start()), (a, m.end()))
        for m in _AFTER_LIST.finditer(text, s, e):
            meeting = next((n for a, b, n in self.meetings if m.start() <= a < m.end()), None) or here(m.start())
            for a, b, name in mentions:
                if m.end() <= a < e:
                    self.add(name, "attended", meeting, (m.start(), b))


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add a participation for each person a participation verb makes its subject."""
    main = facts.main_meeting
    if main is None:
        return
    reader = _Reader(doc, ctx, facts, main.name)
    for s, e in doc.body_sentences():  # a dateline's reporter is no subject
        if not _CONTENT.match(doc.text, s):
            reader.verbs(s, e)
            reader.phrases(s, e)
