"""Capitalised words that are not names: function words, days, months, places-as-heads.

Data only, lower-cased. A capitalised run that starts a sentence with one of these
("The", "But", "After") loses that word before it is read as a name.
"""

# fmt: off
FUNCTION_WORDS: frozenset[str] = frozenset({
    "a", "about", "above", "according", "across", "after", "amid", "afterwards", "again", "against",
    "ah", "all", "almost", "along", "already", "also", "although", "always", "among", "an",
    "and", "another", "any", "anyone", "anything", "are", "around", "as", "at", "away",
    "back", "be", "because", "been", "before", "behind", "being", "below", "beside",
    "besides", "between", "beyond", "both", "but", "by", "can", "come", "could", "dear",
    "despite", "did", "do", "does", "during", "each", "either", "else", "even", "ever",
    "every", "everyone", "everything", "except", "far", "few", "finally", "first", "for",
    "from", "further", "furthermore", "good", "had", "has", "have", "he", "hello", "her",
    "here", "hers", "herself", "hey", "him", "himself", "his", "how", "however", "i", "if",
    "in", "indeed", "inside", "instead", "into", "is", "it", "its", "itself", "just", "last",
    "later", "less", "let", "like", "many", "may", "maybe", "me", "meanwhile", "might",
    "more", "moreover", "most", "much", "must", "my", "neither", "never", "nevertheless",
    "next", "no", "nobody", "none", "nor", "not", "nothing", "now", "of", "off", "oh", "ok",
    "okay", "on", "once", "one", "only", "or", "other", "others", "otherwise", "our", "out",
    "outside", "over", "perhaps", "please", "quite", "rather", "really", "said", "says",
    "second", "shall", "she", "should", "since", "so", "some", "someone", "something",
    "sometimes", "soon", "still", "such", "than", "thank", "thanks", "that", "the", "their",
    "them", "then", "there", "therefore", "these", "they", "third", "this", "those",
    "though", "through", "throughout", "thus", "to", "today", "together", "tomorrow",
    "too", "toward", "towards", "under", "unless", "until", "up", "upon", "us", "very",
    "was", "we", "well", "were", "what", "whatever", "when", "whenever", "where",
    "whereas", "whether", "which", "while", "whilst", "who", "whoever", "whom", "whose", "why",
    "will", "with", "within", "without", "would", "yes", "yesterday", "yet", "you",
    "your", "yours",
})
# fmt: on

# Sentence adverbs that open a sentence with a capital: "Presently Tom came in".
# fmt: off
SENTENCE_ADVERBS: frozenset[str] = frozenset({
    "accordingly", "apparently", "certainly", "clearly", "consequently", "currently",
    "earlier", "eventually", "evidently", "fortunately", "gradually", "hence", "immediately",
    "initially", "instantly", "luckily", "naturally", "nonetheless", "obviously", "often",
    "originally", "presently", "previously", "quickly", "recently", "silently", "slowly",
    "subsequently", "suddenly", "surely", "thereafter", "tonight", "unfortunately", "usually",
})
# fmt: on

# fmt: off
CALENDAR_WORDS: frozenset[str] = frozenset({
    "april", "august", "christmas", "december", "easter", "february", "friday",
    "january", "july", "june", "march", "may", "monday", "november", "october",
    "saturday", "september", "sunday", "thursday", "tuesday", "wednesday",
})
# fmt: on

# Heads that make a capitalised run an organisation, a place or a thing rather than
# a person: "European Union", "State Department", "Constitution Hall".
# fmt: off
NON_PERSON_HEADS: frozenset[str] = frozenset({
    "academy", "agency", "airlines", "airport", "alliance", "army", "assembly",
    "association", "authority", "avenue", "bank", "board", "bridge", "building", "bureau",
    "cabinet", "center", "centre", "channel", "church", "city", "club", "coast",
    "college", "commission", "committee", "community", "company", "conference",
    "congress", "corporation", "council", "county", "court", "department", "district",
    "embassy", "force", "forces", "foundation", "front", "gallery", "government", "group",
    "guard", "hall", "herald", "hospital", "house", "inc", "institute", "island",
    "islands", "kingdom", "league", "lake", "ltd", "magazine", "ministry", "mountains",
    "museum", "navy", "network", "news", "office", "organization", "organisation",
    "palace", "parliament", "party", "police", "post", "press", "program", "programme",
    "project", "province", "railway", "region", "republic", "river", "road", "school",
    "senate", "service", "society", "square", "state", "states", "station", "street",
    "team", "times", "tribune", "union", "united", "university", "valley", "weekly",
})
# fmt: on

# Words that make a capitalised run a place or an institution, wherever they sit:
# "New York", "Los Angeles", "Saudi Arabia", "National Security Council".
# fmt: off
NON_PERSON_WORDS: frozenset[str] = frozenset({
    "american", "arabia", "atlantic", "british", "cape", "central", "east", "eastern", "european",
    "federal", "fort", "great", "greater", "international", "kong", "las", "los", "lower",
    "mount", "national", "new", "north", "northern", "pacific", "port", "royal", "saint",
    "san", "santa", "south", "southern", "upper", "west", "western", "world",
})
# fmt: on
