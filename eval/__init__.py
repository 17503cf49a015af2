"""The extraction dev set (articles + gold) and its scorer: `python -m eval.score`."""
