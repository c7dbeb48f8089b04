"""A valid dataset whose every free text is an attack on the page that shows it."""

from __future__ import annotations

import hashlib

from factory import SOURCE_ID, TEXT, DatasetSpec, evidence, predicate

SCRIPT = "<script>window.__pwned = 'script';</script>"
IMAGE = "<img src=x onerror=\"window.__pwned = 'onerror'\">"
SVG = "<svg onload=\"window.__pwned = 'svg'\"></svg>"
CLOSER = "</script><script>window.__pwned = 'closer'</script>"
BIDI = "\u202eevil\u202c"
JAVASCRIPT_URL = "javascript:window.__pwned='url'"
HOSTILE_SENTENCE = f"Then {IMAGE} and {SCRIPT} were printed."
HOSTILE_TEXT = TEXT + " " + HOSTILE_SENTENCE

ATTACKS = (SCRIPT, IMAGE, SVG, CLOSER)


def hostile_spec() -> DatasetSpec:
    """The factory's dataset with attacks in names, aliases, descriptions, notes, values,
    reasons, the source's address and one quoted sentence of the text."""
    spec = DatasetSpec()
    spec.texts = {"sources/test.txt": HOSTILE_TEXT.encode()}
    source = spec.one(SOURCE_ID)
    source["sha256"] = hashlib.sha256(HOSTILE_TEXT.encode()).hexdigest()
    source["url"] = JAVASCRIPT_URL
    source["title"] = f"Title {SCRIPT}"
    source["notes"] = f"Notes {SVG} {BIDI}"
    soldier = spec.one("person:soldier-a")
    soldier["name"] = f"Soldier {SCRIPT}"
    soldier["aliases"] = [IMAGE, BIDI]
    soldier["description"] = CLOSER
    spec.one("event:capture")["description"] = f"Capture {IMAGE}"
    role = spec.one("claim:a.role")
    role["value"] = {"type": "text", "text": f"sniper {SVG}"}
    role["note"] = f"{CLOSER} {BIDI}"
    remark = predicate("remark", "text", ["person"], False)
    remark["label"] = f"remark {SVG}"
    spec.records["predicate"].append(remark)
    spec.records["claim"].append(
        {
            "id": "claim:a.printed",
            "proposition": "proposition:a.printed",
            "subject": "person:soldier-a",
            "predicate": "predicate:remark",
            "value": {"type": "text", "text": IMAGE},
            "claimed_by": SOURCE_ID,
            "evidence": [evidence(HOSTILE_SENTENCE, text=HOSTILE_TEXT, hedge=None)],
            "note": SCRIPT,
        }
    )
    spec.records["exclusion"][0]["reason"] = f"{SCRIPT} {BIDI}"
    return spec
