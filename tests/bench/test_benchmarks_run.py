"""The benchmarks keep running as the schema and the extractor change (tiny sizes; the
figures themselves are read from `make bench`, never asserted)."""

from __future__ import annotations

import pytest

from bench import extraction, ingest, jobs, queries, reads, stages


def test_the_query_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["bench.queries", "--articles", "400"])
    queries.main()
    assert "common/rare ratio" in capsys.readouterr().out


def test_the_extraction_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["bench.extraction", "--articles", "3", "--rounds", "1"])
    extraction.main()
    assert "articles of 600 words/s" in capsys.readouterr().out


def test_the_read_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "sys.argv", ["bench.reads", "--articles", "300", "--repeat", "2", "--engine", "sqlite"]
    )
    reads.main()
    out = capsys.readouterr().out
    assert "facets (half the archive)" in out and "articles/s" in out


def test_the_job_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the job benchmark runs workers over PostgreSQL")
    monkeypatch.setattr(jobs, "SERVER", database_url)
    monkeypatch.setattr("sys.argv", ["bench.jobs", "--articles", "4", "--workers", "1"])
    jobs.main()
    assert "1 worker(s):" in capsys.readouterr().out


def test_the_ingest_benchmark_runs_and_sees_each_worker(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["bench.ingest", "--articles", "120", "--workers", "2"])
    ingest.main()
    out = capsys.readouterr().out
    assert "per CPU second of khabar" in out
    # the writer and its two workers: each lives long enough at 120 articles to be sampled
    assert "processes: 3;" in out


def test_the_ingest_stages_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["bench.stages", "--articles", "30"])
    stages.main()
    assert "30 articles, CPU ms each: parse" in capsys.readouterr().out
