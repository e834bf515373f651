"""Plain data tables: cue verbs, honorifics, titles, pronouns, quotation marks, abbreviations.

Nothing here imports anything else of quotecheck; every module holds literals only.
"""
