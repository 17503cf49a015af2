"""Continuous ingestion: the job queue, its tasks, polling sources politely."""
