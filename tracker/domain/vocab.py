"""The format's fixed vocabularies and the plain words shown for them."""

from __future__ import annotations

REGIONS = ("cervical", "thoracic", "lumbar", "sacral")
RADIATING = ("band", "left_arm", "right_arm", "left_leg", "right_leg")
LIMBS = ("left_arm", "right_arm", "left_leg", "right_leg")
NUMB_AREAS = ("arms", "legs", "trunk", "saddle")
BLADDER = ("normal", "changed", "cannot_pass", "leaking")
BOWEL = ("normal", "constipated", "leaking_or_no_feeling")
TREATMENT_KINDS = (
    "radiotherapy",
    "kyphoplasty",
    "vertebroplasty",
    "decompression_surgery",
    "stabilisation_surgery",
    "en_bloc_resection",
    "chemotherapy",
    "targeted_therapy",
    "immunotherapy",
    "hormone_therapy",
    "steroids",
    "physiotherapy",
    "nerve_block",
    "other",
)
PROCEDURE_KINDS = (
    "kyphoplasty",
    "vertebroplasty",
    "decompression_surgery",
    "stabilisation_surgery",
    "en_bloc_resection",
    "nerve_block",
)
TECHNIQUES = ("conventional", "sbrt", "srs")
RULE_IDS = (
    "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10",
    "A1", "A2", "A3", "A4", "A5", "A6", "A7",
    "W1", "W2", "W3",
)  # fmt: skip
ALERT_TIERS = ("emergency", "urgent", "watch")
TIERS = ("none", "watch", "urgent", "emergency")  # in rising order
ACTIONS = ("called_helpline", "went_to_hospital", "discussed_with_team", "reminder", "acknowledged")

REVIEWABLE_KEYS = (
    "weakness.left_arm",
    "weakness.right_arm",
    "weakness.left_leg",
    "weakness.right_leg",
    "numbness.arms",
    "numbness.legs",
    "numbness.trunk",
    "walking",
    "bladder",
    "bowel",
    "sexual_change",
    "pain.cervical",
    "pain.thoracic",
    "pain.night",
    "pain.straining",
    "pain.tender",
    "pain.radiating.band",
    "pain.radiating.arm",
    "pain.radiating.leg",
    "pain.radiating.both_legs",
)
SYMPTOM_KEYS = (*REVIEWABLE_KEYS[:7], "numbness.saddle", *REVIEWABLE_KEYS[7:])

_TWO_LEVEL = ("bladder", "bowel")
_YES_NO = (
    "sexual_change",
    "pain.cervical",
    "pain.thoracic",
    "pain.night",
    "pain.straining",
    "pain.tender",
    "pain.radiating.band",
    "pain.radiating.arm",
    "pain.radiating.leg",
    "pain.radiating.both_legs",
)


def max_level(symptom_key: str) -> int:
    """The highest level a symptom key can take: bladder and bowel 2, yes/no keys 1, others 3."""
    if symptom_key in _TWO_LEVEL:
        return 2
    if symptom_key in _YES_NO:
        return 1
    return 3


# Plain words, for the window, the summary and the exports.
WEAKNESS_WORDS = ("none", "slight", "struggles with everyday tasks", "can barely move it")
NUMBNESS_WORDS = ("none", "now and then", "constant", "no feeling")
WALKING_WORDS = ("as usual", "unsteady", "needs a stick, frame or help", "cannot walk")
BLADDER_WORDS = {
    "normal": "normal",
    "changed": "changed",
    "cannot_pass": "cannot pass urine",
    "leaking": "leaking",
}
BOWEL_WORDS = {
    "normal": "normal",
    "constipated": "constipated",
    "leaking_or_no_feeling": "leaking or no feeling",
}
REGION_WORDS = {
    "cervical": "neck",
    "thoracic": "upper or middle back",
    "lumbar": "lower back",
    "sacral": "tailbone",
}
RADIATING_WORDS = {
    "band": "around the chest or tummy",
    "left_arm": "down the left arm",
    "right_arm": "down the right arm",
    "left_leg": "down the left leg",
    "right_leg": "down the right leg",
}
TREATMENT_WORDS = {
    "radiotherapy": "Radiotherapy",
    "kyphoplasty": "Kyphoplasty",
    "vertebroplasty": "Vertebroplasty",
    "decompression_surgery": "Decompression surgery",
    "stabilisation_surgery": "Stabilisation surgery",
    "en_bloc_resection": "En bloc resection",
    "chemotherapy": "Chemotherapy",
    "targeted_therapy": "Targeted therapy",
    "immunotherapy": "Immunotherapy",
    "hormone_therapy": "Hormone therapy",
    "steroids": "Steroids",
    "physiotherapy": "Physiotherapy",
    "nerve_block": "Nerve block",
    "other": "Other treatment",
}
TECHNIQUE_WORDS = {
    "conventional": "conventional",
    "sbrt": "stereotactic body (SBRT)",
    "srs": "stereotactic radiosurgery (SRS)",
}
SYMPTOM_WORDS = {
    "weakness.left_arm": "weakness in the left arm",
    "weakness.right_arm": "weakness in the right arm",
    "weakness.left_leg": "weakness in the left leg",
    "weakness.right_leg": "weakness in the right leg",
    "numbness.arms": "numbness or pins and needles in the arms",
    "numbness.legs": "numbness or pins and needles in the legs",
    "numbness.trunk": "numbness or pins and needles in the chest or tummy",
    "numbness.saddle": "numbness between the legs, buttocks or when wiping",
    "walking": "difficulty walking",
    "bladder": "bladder changes",
    "bowel": "bowel changes",
    "sexual_change": "change in sexual function or genital feeling",
    "pain.cervical": "neck pain",
    "pain.thoracic": "upper or middle back pain",
    "pain.night": "pain at night that stops sleep",
    "pain.straining": "pain worse on coughing, sneezing or straining",
    "pain.tender": "a tender spot on the spine",
    "pain.radiating.band": "pain around the chest or tummy",
    "pain.radiating.arm": "pain shooting down an arm",
    "pain.radiating.leg": "pain shooting down a leg",
    "pain.radiating.both_legs": "pain shooting down both legs",
}
ACTION_WORDS = {
    "called_helpline": "called the helpline",
    "went_to_hospital": "went to hospital",
    "discussed_with_team": "team already knew",
    "reminder": "asked to be reminded",
    "acknowledged": "seen and noted",
}
