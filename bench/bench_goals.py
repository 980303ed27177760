"""Cost of goal finding on hostile input: one pattern repeated to N characters.

    python bench/bench_goals.py [100000 250000 500000 1000000]

For each shape and size: CPU seconds of `kg.extract.goals.extract` (which finds the lists,
their kinds, years and what they belong to), its peak memory (tracemalloc, in a second run:
tracing slows the code it measures), the goals found, and the CPU seconds per 100,000
characters, which stays flat when the cost is linear in the input. The facts the goal
extractor reads (meetings, reports) come from the rest of the pipeline, run untimed, for
the shape that needs them; the others run on empty facts.
"""

from __future__ import annotations

import sys
import time
import tracemalloc

from kg import pipeline
from kg.extract import context, goals
from kg.extract.facts import ArticleFacts
from kg.text.document import Document, normalise

#: name -> (opening, repeated unit, whether the other extractors run first)
SHAPES: dict[str, tuple[str, str, bool]] = {
    "semicolons, no cue": ("", "加强建设；", False),
    "semicolons after a cue": ("会议要求：", "加强建设；", False),
    "parallel openings": ("", "要进一步加强建设。", False),
    "numbered 1. 2.": ("", "1.加强建设；2.推进改革；", False),
    "一是…二是… in one sentence": ("", "一是加强建设，二是推进改革，", False),
    "一是…二是…三是 sentences": ("", "一是加强甲项工作，二是加强乙项工作，三是加强丙项工作。", False),
    "首先…最后": ("", "首先加强建设，其次推进改革，最后抓好落实。", False),
    "（一）（二）": ("", "（一）加强建设；（二）推进改革；", False),
    "speaker-opened": ("", "甲某强调，要进一步统一认识，把握正确方向，抓好落实。", False),
    "one clause of 要": ("", "要", False),
    "reports and their lists": ("", "甲某作关于乙项工作的报告。甲某在报告中指出，一是加强建设，二是推进改革。\n", True),
    "一、二、 in one sentence": ("", "甲某强调：一、稳住农业生产；二、扩大有效投资；", False),
    "dashed paragraphs": ("", "——经济运行总体平稳。全市生产总值稳步增长。\n", False),
    "（一）（二） heading paragraphs": ("", "（一）加快建设产业体系\n各项工作扎实推进，成效明显。\n"
                                          "（二）着力扩大有效需求\n各项工作扎实推进，成效明显。\n", False),
}


def _article(opening: str, unit: str, size: int) -> Document:
    body = opening + unit * (size // len(unit) + 1)
    if unit == "要":  # the clause of 要 ends in a `；` list
        body += "；推进甲项改革；推进乙项改革。"
    return normalise("虚构新闻标题\n\n" + body, meta={"date": "2031-01-20"})


def _facts(doc: Document, full: bool) -> tuple[context.Context, ArticleFacts]:
    ctx = context.analyse(doc)
    facts = context.new_facts(ctx)
    if full:
        for step in pipeline.PIPELINE:
            if step.name != "goals":
                step.run(doc, ctx, facts)
    return ctx, facts


def measure(opening: str, unit: str, full: bool, size: int) -> tuple[float, int, int]:
    """CPU seconds, peak traced KiB and goals of one goal extraction."""
    doc = _article(opening, unit, size)
    ctx, facts = _facts(doc, full)
    start = time.process_time()
    goals.extract(doc, ctx, facts)
    cpu = time.process_time() - start
    found = len(facts.goals)
    ctx, facts = _facts(doc, full)
    tracemalloc.start()
    goals.extract(doc, ctx, facts)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return cpu, peak // 1024, found


def main(sizes: list[int]) -> None:
    print(f"{'shape':<30}{'chars':>9}{'cpu s':>9}{'s/100k':>8}{'peak KiB':>10}{'goals':>8}")
    for name, (opening, unit, full) in SHAPES.items():
        for size in sizes:
            cpu, peak, found = measure(opening, unit, full, size)
            print(f"{name:<30}{size:>9}{cpu:>9.3f}{cpu * 100_000 / size:>8.3f}{peak:>10}{found:>8}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000, 250_000, 500_000, 1_000_000])
