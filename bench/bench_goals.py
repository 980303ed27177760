"""Cost of goal extraction on pathological input: one sentence repeated to N characters.

    python bench/bench_goals.py [20000 80000]

Prints CPU seconds per shape and size; the extraction must stay linear in the number of
sentences (it was cubic before: 500 copies of one sentence took 37 s).
"""

from __future__ import annotations

import sys
import time

from kg.extract import context, goals
from kg.extract.facts import ArticleFacts
from kg.text.document import normalise

SHAPES = {
    "speaker-opened": "会议听取了有关情况的汇报。",
    "semicolon list": "要做好甲项工作；要做好乙项工作；要做好丙项工作。",
    "marked list": "一是加强甲项工作，二是加强乙项工作，三是加强丙项工作。",
    "parallel openings": "要进一步做好有关工作。",
}


def main(sizes: list[int]) -> None:
    print(f"{'shape':<20}{'chars':>8}{'cpu s':>10}")
    for name, sentence in SHAPES.items():
        for size in sizes:
            body = sentence * (size // len(sentence) + 1)
            doc = normalise("虚构新闻标题\n\n" + body, meta={"date": "2031-01-20"})
            ctx = context.analyse(doc)
            start = time.process_time()
            goals.extract(doc, ctx, ArticleFacts())
            print(f"{name:<20}{len(body):>8}{time.process_time() - start:>10.3f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20_000, 80_000])
