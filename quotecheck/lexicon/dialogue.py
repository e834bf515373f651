"""The weights ``dialogue_run`` scores a run of turns with (log-odds, data only).

Each weight is roughly the natural log of how much likelier an assignment of speakers is
with the fact than without it. They are set by hand from rates read on LitBank dev and
the project's own fixtures (PDNC is only ever measured, never read for weights).
"""

# fmt: off
RUN_WEIGHTS: dict[str, float] = {
    "addressee-answers": 1.5,   # the person a turn names answers it, or spoke just before
    "addresses-self": -5.0,     # a name set off in a turn is not its speaker
    "alternates": 1.0,          # A B A: in a run, two turns back is the speaker again
    "described": -1.5,          # a cue-less turn goes to a named person before a described one
    "gender-clash": -6.0,       # “…,” she said, and the person is a man
    "gender-unknown": -0.7,     # “…,” she said, and the person's gender is not known
    "introduced": 3.0,          # Ana stopped only to say, ¶ “…”: the narration leads into it
    "narrated-before": 1.2,     # Ana frowned. “…”: the narration's person speaks
    "same-speaker": -3.0,       # a new paragraph is a new speaker (0-3% are not, in fiction)
    "same-speaker-after-narration": -1.0,  # Ana frowned. ¶ “…”: she may go on
    "third-speaker": -0.7,      # A B C: a third person joins the conversation
}
# fmt: on
