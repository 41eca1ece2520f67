"""Words that several pages share: units of change, joining words, table headers, figure words.

A page's own texts live in the module named after its notebook; put a text here only when two
or more pages show it with the same meaning."""

TEXT = {
    "common.pp": {"sv": "procentenheter", "en": "percentage points"},
    "common.k_of_n": {"sv": "{k} av {n}", "en": "{k} of {n}"},
    "common.or": {"sv": " eller ", "en": " or "},
    "common.and": {"sv": " och ", "en": " and "},
    "common.range": {"sv": "{low} till {high}", "en": "{low} to {high}"},
    # where in a report something stands: a source id and its lines
    "common.reference": {"sv": "{source}, rad {lines}", "en": "{source}, lines {lines}"},
    "common.conflict_mark": {"sv": "⚠ = rapporten anger uppgiften med olika värden",
                             "en": "⚠ = the report states the figure with different values"},
}
