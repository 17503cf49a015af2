"""The queue of a single process (SQLite): procrastinate's in-memory connector, made fit
to run for days. It keeps no log of its queries, and numbers jobs after the last one
recorded in job_outcomes, so a restarted process never reuses an id GET /jobs knows."""

from __future__ import annotations

from itertools import count
from typing import Any, Literal

from procrastinate.testing import InMemoryConnector


class ProcessConnector(InMemoryConnector):
    def start_ids_after(self, last_id: int) -> None:
        self.job_counter = count(last_id + 1)

    async def generic_execute(
        self, query: str, suffix: Literal["run", "one", "all"], **arguments: Any
    ) -> Any:
        name = self.reverse_queries[query]
        return await getattr(self, f"{name}_{suffix}")(**arguments)
