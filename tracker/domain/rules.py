"""The red-flag rule table (clinical/red-flags.md, rule set 1) as data.

Every word a person is shown about a red flag comes from here, verbatim from the table: the
patient wording of each rule, the advice of each tier, the fallback contact words, and a short
citation of each rule's source. The numeric thresholds are here too, so that a clinician can change
them in one place; the engine (``tracker.domain.redflags``) only applies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.domain import vocab

RULE_SET = 1

# ---- what the person is told (the "Tiers" table, verbatim) --------------------------------------

EMERGENCY_ADVICE = (
    "Call your 24-hour cancer helpline (acute oncology service) now. If you cannot reach them, "
    "call emergency services or go to A&E. Do not wait for your next appointment."
)
URGENT_ADVICE = "Contact your cancer care team today, within 24 hours."
WATCH_ADVICE = "Keep recording; mention this to your care team at your next contact."
TIER_ADVICE: dict[str, str] = {
    "emergency": EMERGENCY_ADVICE,
    "urgent": URGENT_ADVICE,
    "watch": WATCH_ADVICE,
}
R5_ADVICE = "Go to A&E now."
NO_CONTACTS_TEXT = (
    "the 24-hour number on your treatment card or your hospital's acute oncology service; "
    "if you cannot reach them, emergency services (999, 112 or 911)"
)
NOT_A_DIAGNOSIS = (
    "The engine is advice to contact the care team, never a diagnosis and never reassurance: "
    "a flag that does not fire means only that none of these patterns was recorded."
)

# ---- thresholds (the table's numbers; A2 and A3 are this journal's reading) ---------------------

A2_RISE = 2  # mean of the last 3 days at least 2.0 points above the 7 days before them
A2_RECENT_DAYS = 3  # the evaluated day and the 2 days before
A2_EARLIER_DAYS = 7  # the 7 days before those 3 days
A2_MIN_EARLIER_ENTRIES = 2
A3_DAYS = 3  # the evaluated day and the 2 days before
A3_MIN_SCORE = 7
A7_FIRST_DAY = 21  # days after the course's last day
A7_LAST_DAY = 180
A7_RISE = 2  # points above the course's pre-treatment mean
A7_TECHNIQUES = ("sbrt", "srs")
PRE_TREATMENT_DAYS = 7  # A7, W1, W3: entries on the 7 days before started_on
W1_LAST_DAY = 10  # 0 to 10 days after a session day
W1_RISE = 2
W3_KINDS = ("kyphoplasty", "vertebroplasty")
W3_FIRST_DAY = 14  # days after started_on
W3_LAST_DAY = 42
W3_AFTER_FROM_DAY = 7  # the "after" mean counts entries from day 7 after the procedure
R10_MIN_URGENT = 2

# ---- sources (short citations of the table's "Sources" lists) -----------------------------------

_NICE_MSCC = "NICE CG75 (2008); NICE NG234 (2023)"
_SCOTTISH = "Scottish Referral Guidelines for Suspected Cancer"
_CES_CARDS = "cauda equina warning cards (GIRFT national suspected CES pathway 2023; BASS 2018)"
_NICE_PAIN = "NICE CG75 (2008)"
_THRESHOLD = "NICE CG75 (2008); the numeric threshold is this journal's reading of"


@dataclass(frozen=True)
class Rule:
    id: str
    tier: str
    title: str  # the table's patient wording, verbatim
    advice: str
    source: str


def _rule(rule_id: str, tier: str, title: str, source: str) -> Rule:
    advice = R5_ADVICE if rule_id == "R5" else TIER_ADVICE[tier]
    return Rule(rule_id, tier, title, advice, source)


_TABLE = (
    _rule(
        "R1",
        "emergency",
        "new or worse weakness or heaviness in an arm or leg",
        _NICE_MSCC,
    ),
    _rule(
        "R2",
        "emergency",
        "new or worse difficulty walking, unsteadiness, legs giving way",
        _NICE_MSCC,
    ),
    _rule(
        "R3",
        "emergency",
        "new or worse numbness, pins and needles or loss of feeling",
        f"{_NICE_MSCC}; {_SCOTTISH}",
    ),
    _rule(
        "R4",
        "emergency",
        "new nerve pain: a band of pain around the chest or tummy, or pain shooting down an arm "
        "or leg",
        _NICE_MSCC,
    ),
    _rule(
        "R5",
        "emergency",
        "numbness between the legs, around the back passage or buttocks, or altered feeling when "
        "wiping (go to A&E now)",
        f"{_NICE_MSCC}; {_SCOTTISH}; {_CES_CARDS}",
    ),
    _rule(
        "R6",
        "emergency",
        "new difficulty passing or stopping urine, not feeling when the bladder is full, "
        "or leaking",
        f"{_NICE_MSCC}; {_CES_CARDS}",
    ),
    _rule(
        "R7",
        "emergency",
        "cannot feel or control your bowels",
        f"{_NICE_MSCC}; {_CES_CARDS}",
    ),
    _rule(
        "R8",
        "emergency",
        "new change in erection, ejaculation or genital feeling",
        _CES_CARDS,
    ),
    _rule(
        "R9",
        "emergency",
        "nerve pain going down both legs",
        f"{_NICE_MSCC}; {_CES_CARDS}",
    ),
    _rule(
        "R10",
        "emergency",
        "several warning signs of spinal pain at once",
        "UKONS 24-hour triage toolkit",
    ),
    _rule("A1", "urgent", "pain in the neck or upper/middle back", _NICE_PAIN),
    _rule("A2", "urgent", "back pain that keeps getting worse", f'{_THRESHOLD} "progressive"'),
    _rule("A3", "urgent", "severe pain that does not let up", f'{_THRESHOLD} "unremitting"'),
    _rule(
        "A4",
        "urgent",
        "pain worse when coughing, sneezing or straining on the toilet",
        _NICE_PAIN,
    ),
    _rule("A5", "urgent", "a spot on the spine that is tender to touch", _NICE_PAIN),
    _rule("A6", "urgent", "pain at night that stops you sleeping", _NICE_PAIN),
    _rule(
        "A7",
        "urgent",
        "new pain some weeks after stereotactic radiotherapy: the treated bone may need checking",
        "Sahgal et al., JCO 2013",
    ),
    _rule(
        "W1",
        "watch",
        "a pain flare after radiotherapy is common and usually settles within a few days; "
        "tell your team if it lasts more than 3 days or painkillers do not help",
        "NCIC CTG SC.23 (Lancet Oncol 2015); Dutch DEXA trial",
    ),
    # The table lists no source for W2; none is invented here.
    _rule(
        "W2",
        "watch",
        "constipation is common with strong painkillers; tell your team if you have not opened "
        "your bowels for 3 days",
        f"rule set {RULE_SET} (no source cited)",
    ),
    _rule(
        "W3",
        "watch",
        "pain has not improved since your kyphoplasty/vertebroplasty",
        "systematic review of vertebroplasty in spinal metastases and myeloma (2010)",
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _TABLE}
assert tuple(RULES) == vocab.RULE_IDS


@dataclass(frozen=True)
class Flag:
    rule: str  # "R1"
    tier: str  # "emergency" | "urgent" | "watch"
    title: str  # the table's patient wording
    advice: str
    source: str
    # Emergency rules R1-R9: the highest level, among the rule's keys that are above their
    # baseline; 0 for the other rules.
    level: int = 0
    # Emergency rules R1-R9: each of the rule's keys that is above its baseline, with its level
    # (used for "a level rises further": one key rising, or a key newly above its baseline,
    # counts even when the highest level stays the same); () for the other rules.
    key_levels: tuple[tuple[str, int], ...] = field(default=(), compare=False)


def flag(rule_id: str, level: int = 0) -> Flag:
    """The flag a rule raises, with its table wording (``level`` 0 when not known)."""
    rule = RULES[rule_id]
    return Flag(rule.id, rule.tier, rule.title, rule.advice, rule.source, level)
