"""Titles and roles: what comes before a name, and the nouns that describe a speaker.

Data only. ``TITLES`` are capitalised words that sit before a name and are not
part of it ("President Donald Trump", "Ambassador Mohib"). ``PERSON_NOUNS`` are the
lower-case heads of descriptions ("the doctor", "a ministry spokeswoman");
``MALE_ROLE_NOUNS`` and ``FEMALE_ROLE_NOUNS`` carry gender.
"""

# fmt: off
TITLES: frozenset[str] = frozenset({
    "Adm.",
    "Admiral",
    "Ambassador",
    "Archbishop",
    "Attorney",
    "Bishop",
    "Brig.",
    "Brother",
    "Capt.",
    "Captain",
    "Cardinal",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Cmdr.",
    "Coach",
    "Col.",
    "Colonel",
    "Commander",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Constable",
    "Corporal",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Cpl.",
    "Dean",
    "Del.",
    "Deputy",
    "Det.",
    "Detective",
    "Director",
    "Emperor",
    "Father",
    "Gen.",
    "General",
    "Gov.",
    "Governor",
    "Inspector",
    "Judge",
    "Justice",
    "King",
    "Leader",
    "Lt.",
    "Lieutenant",
    "Magistrate",
    "Maj.",
    "Major",
    "Mayor",
    "Minister",
    "Officer",
    "Parson",
    "Pastor",
    "Pope",
    "Premier",
    "Pres.",
    "President",
    "Prince",
    "Princess",
    "Private",
    "Professor",
    "Queen",
    "Rabbi",
    "Rep.",
    "Representative",
    "Secretary",
    "Sen.",
    "Senator",
    "Sergeant",
    "Sgt.",
    "Sheikh",
    "Sheriff",
    "Sister",
    "Speaker",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Superintendent",
    "Supt.",
})
# fmt: on

# fmt: off
MALE_ROLE_NOUNS: frozenset[str] = frozenset({
    "boy",
    "brother",
    "businessman",
    "chairman",
    "congressman",
    "councilman",
    "father",
    "fellow",
    "gentleman",
    "husband",
    "king",
    "lord",
    "man",
    "nephew",
    "prince",
    "son",
    "spokesman",
    "uncle",
})
FEMALE_ROLE_NOUNS: frozenset[str] = frozenset({
    "actress",
    "aunt",
    "businesswoman",
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "daughter",
    "girl",
    "lady",
    "mother",
    "niece",
    "princess",
    "queen",
    "sister",
    "spokeswoman",
    "wife",
    "woman",
})
# fmt: on

# Collective nouns that speak as a group: "officials said", "police said".
# fmt: off
GROUP_NOUNS: frozenset[str] = frozenset({
    "analysts",
    "authorities",
    "critics",
    "diplomats",
    "experts",
    "investigators",
    "lawmakers",
    "officials",
    "organizers",
    "organisers",
    "police",
    "protesters",
    "representatives",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "witnesses",
})
# fmt: on

# Nouns for a person that a description can rest on: "the doctor", "a thin, elderly
# gentleman", "her mother". A description built on one of them is a mention.
# fmt: off
PERSON_NOUNS: frozenset[str] = frozenset({
    "actor", "actress", "adviser", "advisor", "aide", "ambassador", "analyst", "attorney",
    "aunt", "author", "baby", "bishop", "boy", "bride", "brother", "businessman",
    "businesswoman", "captain", "chairman", "chairwoman", "chancellor", "chief", "child",
    "clergyman", "coach", "colonel", "commander", "commissioner", "congressman",
    "congresswoman", "cook", "councillor", "cousin", "critic", "curator", "daughter",
    "defendant", "delegate", "detective", "diplomat", "director", "doctor", "driver",
    "economist", "editor", "envoy", "father", "fellow", "foreigner", "friend", "gentleman",
    "girl", "governor", "grandfather", "grandmother", "guard", "guest", "host", "hostess",
    "housekeeper", "husband", "inspector", "judge", "king", "lad", "lady", "landlady",
    "landlord", "lawyer", "leader", "lieutenant", "maid", "man", "manager", "master",
    "mayor", "minister", "mother", "negotiator", "nephew", "niece", "nurse", "officer",
    "official", "painter", "parson", "pastor", "pilot", "policeman", "president", "priest",
    "prince", "princess", "prisoner", "professor", "prosecutor", "queen", "rector",
    "researcher", "scientist", "secretary", "senator", "sergeant", "servant", "sheriff",
    "sister", "soldier", "son", "spokesman", "spokesperson", "spokeswoman", "stranger",
    "student", "surgeon", "teacher", "uncle", "vicar", "victim", "visitor", "waiter",
    "widow", "wife", "witness", "woman", "youth",
})
# fmt: on

# Epithets news uses for a person it has just named: "the veteran", "the Democrat".
# With PERSON_NOUNS and ages ("the 24-year-old") they make a definite description
# point back to that person.
# fmt: off
EPITHET_NOUNS: frozenset[str] = frozenset({
    "challenger", "champion", "conservative", "democrat", "defender", "forward",
    "goalkeeper", "incumbent", "liberal", "midfielder", "newcomer", "nominee", "pitcher",
    "player", "quarterback", "republican", "rookie", "socialist", "star", "striker",
    "veteran", "winger",
})
# fmt: on
