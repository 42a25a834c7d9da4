"""Master data kept by hand: departments and people (and, through `references`, the merge and
deactivate machinery that companies share). Below the aggregates that refer to it."""
