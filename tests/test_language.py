"""Text not reported in English: quotations found, no speaker named, and the result says so."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck import Result, attribute
from quotecheck.language import is_english
from quotecheck.render import to_html, to_table

# Sentences of our own, one shape each: a colon before the quotation, a reporting
# verb after it, a verb before it, and a text in another script.
OTHER_LANGUAGES = [
    "Le maire a dit: «Nous reconstruirons le pont.»",
    "« Le budget est prêt », a dit la ministre Claire Dubois dans un communiqué.",
    "Der Bürgermeister sagte: „Wir bauen die Brücke wieder auf.“",
    "„Das ist nicht genug“, sagte Anna Keller am Montag in Berlin.",
    "La alcaldesa dijo que «el puente estará listo en mayo», según el diario.",
    "Il sindaco ha detto: «Ricostruiremo il ponte con i fondi della regione.»",
    "De burgemeester zei: „We bouwen de brug opnieuw, dat is zeker.”",
    "Мэр заявил: «Мы восстановим мост».",
]

ENGLISH = [
    "“We will not retreat,” said Mr. Grushko.",
    "Mayor Ana Ruiz: “Nous reconstruirons le pont.”",  # English reporting, French words
    "The mayor told reporters in Lyon that “la vie continue” and left.",
    "“Hi.”",
    "",
]


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_quotations_are_found_and_no_speaker_is_named(text: str) -> None:
    result = attribute(text, reported=True)
    assert result.language == "other"
    assert result.quotes and all(q.speaker is None and q.attribution is None
                                 for q in result.all_quotes())
    assert result.speakers == () and result.reported == ()
    assert Result.model_validate_json(result.model_dump_json()) == result
    assert "not English" in to_table(result, width=100).splitlines()[-1]
    assert "not English: quotations found, speakers not named" in to_html(result)


@pytest.mark.parametrize("text", ENGLISH)
def test_english_reporting_is_english(text: str) -> None:
    result = attribute(text)
    assert result.language == "en" and '"language"' not in result.model_dump_json()


def test_the_french_mayor_is_not_named_le() -> None:
    quote = attribute("Le maire a dit: «Nous reconstruirons le pont.»").quotes[0]
    assert quote.text == "Nous reconstruirons le pont." and quote.speaker is None


def test_a_few_foreign_words_in_english_copy_change_nothing() -> None:
    text = ("Ana Ruiz, the chef, said the menu à la carte would stay. “It is what people "
            "want,” she said, and the waiter nodded.")
    assert is_english(text, [(56, 84)])
    assert attribute(text).quotes[0].speaker is not None


@given(st.text(alphabet="abcdefghij ,.“”", max_size=80))
def test_english_markers_before_any_text_keep_it_english(tail: str) -> None:
    # an English reporting clause outweighs whatever follows it
    text = "The minister said that the plan and the budget would pass. " + tail
    assert is_english(text, [])
