"""The server asks glibc for few malloc arenas (app/memory.py); elsewhere it leaves them."""

from __future__ import annotations

import ctypes.util

import pytest

from app.memory import bound_malloc_arenas


def test_no_bound_asked_leaves_the_allocator_alone() -> None:
    assert bound_malloc_arenas(0) is False


@pytest.mark.skipif(ctypes.util.find_library("c") is None, reason="no C library found")
def test_glibc_takes_the_bound() -> None:
    assert bound_malloc_arenas(2) is True
