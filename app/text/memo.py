"""How many answers each per-word memo keeps: fixed bounds, not settings.

A memo keyed by word keeps every word it is asked until its bound, and an archive's
vocabulary has no end (clitic forms, names, numbers, misspellings): a server ingesting one
sits at the sum of the bounds. At 65,536 entries a memo (~400 bytes an entry) held ~26 MB
and the extraction's ~20 memos ~180 MB over the loaded process, above issue 9's 300 MB. On
eval/real and the synthetic corpus (bench/memo_caps.py, bench/RESULTS.md section caches8)
the bounds below keep the extraction's instructions within 1% of unbounded memos.
"""

# Asked of every token (clitic readings, spelling skeletons): at 8,192 they miss 0.1-1%
# more often than at 65,536, at 4,096 6-16% more.
EVERY_TOKEN = 8192

# Asked of candidate words only (heads, places, titles, name shapes): none missed more
# often at 4,096 than at 65,536 on the real articles.
CANDIDATES = 4096
