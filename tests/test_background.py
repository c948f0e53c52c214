"""background.in_child: a child's result, or the same result computed here."""

from __future__ import annotations

import os
import sys

import pytest

from claimdiff.background import in_child


def test_result_comes_from_a_child_process() -> None:
    parent = os.getpid()
    pending = in_child(lambda: (os.getpid(), sorted({3, 1, 2})))
    pid, value = pending.result()
    assert value == [1, 2, 3]
    if sys.platform.startswith("linux"):
        assert pid != parent
    assert pending.result() == (pid, value)  # computed once


def test_a_failing_child_leaves_the_work_to_this_process() -> None:
    parent = os.getpid()

    def only_here() -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "done here"

    assert in_child(only_here).result() == "done here"


def test_an_error_is_raised_here_once() -> None:
    calls: list[int] = []

    def broken() -> None:
        calls.append(os.getpid())
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        in_child(broken).result()
    assert calls == [os.getpid()]  # the child's own call is not seen here


def test_no_fork_while_other_threads_run() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert in_child(os.getpid).result() == os.getpid()
    finally:
        release.set()
        other.join()


def test_abandon_waits_for_the_child_and_computes_nothing_here() -> None:
    calls: list[int] = []

    def work() -> None:
        calls.append(os.getpid())

    pending = in_child(work)
    pending.abandon()
    pending.result()
    assert calls == []  # only the child's own copy of the list grew


def test_a_child_can_run_at_a_lower_priority() -> None:
    here = os.nice(0)
    there = in_child(lambda: os.nice(0), niceness=5).result()
    if sys.platform.startswith("linux"):
        assert there == min(here + 5, 19)
    assert os.nice(0) == here  # this process keeps its priority
