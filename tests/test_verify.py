"""``verify(quotation, source)``: exact, each kind of alteration, allowed edits, absent."""

from __future__ import annotations

import time

import pytest

from quotecheck.models import Verification
from quotecheck.verify import fold_word, verify

TRANSCRIPT = (
    "MODERATOR: Minister, will you withdraw the troops?\n\n"
    "MINISTER HALVORSEN: Let me be very clear. We have no plans to withdraw our "
    "forces from the border this year, and we will not be lectured by anyone about "
    "our own security. The talks in Geneva were useful, but they were not decisive.\n\n"
    "MODERATOR: And the pipeline?\n\n"
    "MINISTER HALVORSEN: The pipeline is a commercial project. It has nothing to do "
    "with politics, and we expect our partners in Berlin to honour the contract."
)


def _kinds(result: Verification) -> list[tuple[str, str, str]]:
    return [(c.kind, c.source, c.quoted) for c in result.changes]


def test_exact_quotation_gives_its_span_in_the_source() -> None:
    quotation = "We have no plans to withdraw our forces from the border this year"
    result = verify(quotation, TRANSCRIPT)
    assert result.status == "exact" and result.ok
    assert result.start is not None and result.end is not None
    assert TRANSCRIPT[result.start:result.end] == quotation
    assert result.matched == quotation and result.score == 1.0
    assert result.changes == () and result.allowed == ()


def test_folding_case_punctuation_quotes_and_spacing() -> None:
    quotation = "“the  talks in geneva were useful — but they were not decisive”"
    result = verify(quotation, TRANSCRIPT)
    assert result.status == "exact"
    assert result.matched == "The talks in Geneva were useful, but they were not decisive"


@pytest.mark.parametrize(
    ("quotation", "source"),
    [
        ("Niccolò said the tradeoff was fine", "Niccolo said the tradeo\ufb00 was fine."),
        ("a reduced vibration level", "It gave a reduced vibra-\ntion level overall."),
        ("the cross-validation failed", "and then the cross-\nvalidation failed badly"),
        ("Russia’s demands are non-starters", "Russia's demands are non-starters."),
        ("the U.S. delegation left", "Then the US delegation left."),
        ("they said ‘no’ to us", 'They said "no" to us.'),
    ],
    ids=["accents-ligature", "hyphenated-line-break", "hyphen-at-line-end", "apostrophes",
         "abbreviation-periods", "nested-quote-marks"],
)
def test_folding_finds_the_same_words(quotation: str, source: str) -> None:
    assert verify(quotation, source).status == "exact"


def test_added_word() -> None:
    result = verify("We have absolutely no plans to withdraw our forces", TRANSCRIPT)
    assert result.status == "altered"
    assert _kinds(result) == [("added", "", "absolutely")]
    change = result.changes[0]
    assert result.quotation[change.quote_start:change.quote_end] == "absolutely"


def test_dropped_words() -> None:
    result = verify("We have no plans to withdraw our forces this year", TRANSCRIPT)
    assert result.status == "altered"
    assert _kinds(result) == [("dropped", "from the border", "")]
    change = result.changes[0]
    assert TRANSCRIPT[change.source_start:change.source_end] == "from the border"


def test_replaced_word() -> None:
    result = verify("The talks in Geneva were helpful, but they were not decisive", TRANSCRIPT)
    assert result.status == "altered"
    assert _kinds(result) == [("replaced", "useful", "helpful")]


def test_contraction_is_a_replacement() -> None:
    result = verify("we won’t be lectured by anyone about our own security", TRANSCRIPT)
    assert _kinds(result) == [("replaced", "will not", "won’t")]


def test_changed_first_word_is_replaced_not_added() -> None:
    result = verify("They have no plans to withdraw our forces", TRANSCRIPT)
    assert _kinds(result) == [("replaced", "We", "They")]


def test_ellipsis_is_an_allowed_omission() -> None:
    result = verify("We have no plans to withdraw … our own security", TRANSCRIPT)
    assert result.status == "exact" and result.changes == ()
    (elision,) = result.allowed
    assert elision.kind == "ellipsis" and elision.allowed
    assert elision.source.startswith("our forces from the border")
    assert verify("We have no plans to withdraw ... our own security", TRANSCRIPT).ok


def test_brackets_are_allowed_insertions() -> None:
    result = verify("[The minister’s government] has no plans to withdraw", TRANSCRIPT)
    assert [(c.kind, c.source) for c in result.allowed] == [("bracket", "We")]
    assert _kinds(result) == [("replaced", "have", "has")]
    inserted = verify("The talks in Geneva [last week] were useful", TRANSCRIPT)
    assert inserted.ok and [(c.kind, c.source) for c in inserted.allowed] == [("bracket", "")]
    assert verify("[t]he pipeline is a commercial project", TRANSCRIPT).ok


def test_not_found() -> None:
    result = verify("We will send more tanks to the front next spring", TRANSCRIPT)
    assert result.status == "not_found" and not result.ok
    assert result.changes == ()
    assert verify("Completely unrelated words appear here", TRANSCRIPT).start is None


def test_two_word_quotation_with_one_word_found_is_not_found() -> None:
    assert verify("commercial enterprise", TRANSCRIPT).status == "not_found"
    assert verify("commercial project", TRANSCRIPT).status == "exact"


def test_best_match_wins_over_an_earlier_partial_one() -> None:
    source = "We expect our partners to pay. " + TRANSCRIPT
    result = verify("we expect our partners in Berlin to honour the contract", source)
    assert result.status == "exact"
    assert result.start == source.index("we expect our partners in Berlin")


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        verify(b"bytes", TRANSCRIPT)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        verify("… [sic] …", TRANSCRIPT)


def test_fold_word() -> None:
    assert fold_word("Ærø’s") == "ærø's".replace("ø", "ø")
    assert fold_word("ﬁnal") == "final"


def test_fast_on_a_one_hour_transcript() -> None:
    words = ["the", "talks", "were", "useful", "and", "we", "expect", "an", "answer", "from",
             "our", "partners", "about", "security", "troops", "pipeline", "border", "minister"]
    turns = [" ".join(words[(i * 7 + j) % len(words)] for j in range(18)) + "."
             for i in range(600)]
    source = "\n\n".join(turns)[:60_000] + " We will not be lectured by anyone."
    began = time.perf_counter()
    result = verify("we will not be lectured by anyone", source)
    assert time.perf_counter() - began < 0.5
    assert result.status == "exact"


def test_changed_words_at_both_edges() -> None:
    result = verify("They have no plans to withdraw our troops", TRANSCRIPT)
    assert _kinds(result) == [("replaced", "We", "They"), ("replaced", "forces", "troops")]
    assert result.matched == "We have no plans to withdraw our forces"


def test_numbers_fold_their_separators() -> None:
    assert verify("close to 100000 troops", "Close to 100,000 troops have massed.").ok



ARTICLE_SOURCE = (
    "“The bridge is safe for cars,” Ana Ruiz, the mayor, said on Tuesday. “Trucks will "
    "have to wait until the spring.” She left soon after. “We have no money,” she said."
)


def test_attribution_between_two_parts_of_a_quotation_is_allowed() -> None:
    result = verify("The bridge is safe for cars. Trucks will have to wait", ARTICLE_SOURCE)
    assert result.status == "exact"
    assert [(c.kind, c.source, c.allowed) for c in result.allowed] == [
        ("dropped", "Ana Ruiz, the mayor, said on Tuesday", True)]


def test_two_quotations_cannot_be_spliced_into_one() -> None:
    result = verify("Trucks will have to wait until the spring. We have no money",
                    ARTICLE_SOURCE)
    assert result.status == "altered"
    assert [c.source for c in result.changes] == ["She left soon after"]


def test_benchmark_transcript_is_one_hour_long_and_its_remarks_are_found() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "verify_speed.py"
    spec = importlib.util.spec_from_file_location("verify_speed", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = module.build_transcript()
    assert 60_000 <= len(source) < 61_000
    statuses = {label: verify(q, source).status for label, q in module.QUOTATIONS.items()}
    assert statuses == {"exact": "exact", "altered": "altered", "elided": "exact",
                        "absent": "not_found"}


def test_transcript_time_codes_are_not_changes() -> None:
    source = ("[00:12:30] RUIZ: We will rebuild the bridge [00:12:34] before winter, and we "
              "will pay for it. 12:40 That is a promise.")
    result = verify("We will rebuild the bridge before winter, and we will pay for it. That "
                    "is a promise.", source)
    assert result.status == "exact"
    assert [(c.kind, c.source) for c in result.allowed] == [
        ("dropped", "00:12:34"), ("dropped", "12:40")]
    # a dropped number is a change, though
    assert verify("we will rebuild bridges", "we will rebuild 12 bridges").status == "altered"


def test_verify_article() -> None:
    from quotecheck import attribute, verify_article

    article = ("“We have no plans to withdraw our forces from the border this year,” the "
               "minister said. He called the talks “useful” and “a waste of time.” “…”")
    found = verify_article(article, TRANSCRIPT)
    assert [(q.text, v.status) for q, v in found] == [
        ("We have no plans to withdraw our forces from the border this year,", "exact"),
        ("useful", "exact"), ("a waste of time.", "not_found")]
    assert [q.text for q, _ in verify_article(article, TRANSCRIPT, skip_terms=True)] == [
        "We have no plans to withdraw our forces from the border this year,"]
    assert verify_article(article, TRANSCRIPT, result=attribute(article)) == found
    with pytest.raises(ValueError):
        verify_article(article, TRANSCRIPT, result=attribute("Other text."))


def test_a_sentence_the_source_repeats_is_found() -> None:
    # every word pair is too common to anchor on by itself (issue 17)
    source = "We will not move from this position, whatever they say. " * 300
    result = verify("We will not move from this position", source)
    assert (result.status, result.start) == ("exact", 0)


def test_a_quotation_among_near_variants_is_found() -> None:
    words = ["north", "south", "river", "bridge"]
    source = "".join(f"The {a} plan for the {b} was approved by the {c} board. "
                     for a in words for b in words for c in words) * 40
    result = verify("The river plan for the bridge was approved by the south board", source)
    assert result.status == "exact"
    assert result.matched == "The river plan for the bridge was approved by the south board"


def test_a_long_quotation_is_aligned_piece_by_piece() -> None:
    sentences = [f"Speaker {n} said the plan for district {n} would need {n} more weeks."
                 for n in range(400)]
    source = " ".join(sentences)
    quotation = source.replace("more weeks", "extra weeks", 3)
    result = verify(quotation, source)
    assert result.status == "altered"
    assert [(c.kind, c.source, c.quoted) for c in result.changes] == [
        ("replaced", "more", "extra")] * 3
    assert (result.start, result.end) == (0, len(source) - 1)


def test_the_index_cache_is_bounded_by_size() -> None:
    from quotecheck.verify import _CACHE_CHARS, _INDEXES

    large = "word " * (_CACHE_CHARS // 5 + 1)
    for number in range(3):
        verify("word word", f"{number} {large}")
    assert len(_INDEXES._entries) == 1  # only the latest large source is kept
    for number in range(12):
        verify("one two", f"one two {number}")
    assert len(_INDEXES._entries) == 8
