"""CI's check of a pytest run (JUnit XML): every skipped test listed with its reason, and
the run failed if a test skipped for any reason but the absent ../shared checkout (the
only thing a fresh clone lacks); a skip for a missing package or service is a failure."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

ALLOWED = ("shared", "seed article")


def main(path: str) -> int:
    skipped = []
    for case in ET.parse(path).getroot().iter("testcase"):
        for skip in case.findall("skipped"):
            reason = skip.get("message") or skip.text or ""
            skipped.append((f"{case.get('classname')}::{case.get('name')}", reason))
    bad = [(name, reason) for name, reason in skipped if not any(a in reason for a in ALLOWED)]
    for name, reason in skipped:
        print(f"ci: skipped {name}: {reason}")
    for name, reason in bad:
        print(f"ci: FAIL: {name} skipped for a reason CI does not accept: {reason}", file=sys.stderr)
    print(f"ci: {len(skipped)} skipped, {len(bad)} not allowed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
