"""Work for the idle CPU: a function run in a forked child while this process goes on.

The analysis is single-threaded, so on a multi-core machine the other CPUs idle
through it. ``in_child(function)`` forks a child that runs ``function`` and sends
its (picklable) result back through a pipe; the returned ``result()`` waits for it.
The child shares this process's memory by copy-on-write, so the function's inputs
are never pickled. Where fork is unavailable (not Linux), or should the child fail
in any way, ``result()`` calls the function here instead: the outcome is the same,
only the time differs. So it does in a process that runs other threads: a fork copies
their locks in whatever state they are, and the child could hang on one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C waits while this block forks children, and is delivered when it ends.

    A SIGINT that lands while a child is being forked raises KeyboardInterrupt inside
    Python's after-fork handlers in the child, which can leave it stuck on a lock, an
    orphan holding the parent's pipes. Children start with SIGINT blocked and unblock it
    themselves (``release_interrupts``) once they are ready.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def release_interrupts(*, ignore: bool = False) -> None:
    """In a child forked under ``interrupts_held``: take Ctrl-C again (or ignore it)."""
    if ignore:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Pending(Generic[T]):
    """A result being computed in a child process (or, failing that, on demand here)."""

    def __init__(self, function: Callable[[], T], *, niceness: int = 0) -> None:
        self._function = function
        self._child: multiprocessing.process.BaseProcess | None = None
        self._receiver: multiprocessing.connection.Connection | None = None
        self._done = False
        self._value: T | None = None
        if not sys.platform.startswith("linux") or threading.active_count() > 1:
            return
        with contextlib.suppress(OSError, ValueError):
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(
                target=_run_and_send, args=(function, sender, niceness), daemon=True
            )
            with interrupts_held():
                child.start()
            sender.close()
            self._child, self._receiver = child, receiver

    def result(self) -> T:
        if not self._done:
            self._value = self._collect()
            self._done = True
        return self._value  # type: ignore[return-value]

    def abandon(self) -> None:
        """Wait for the child to end, and compute nothing here: after an interruption (the
        child got the Ctrl-C too) or an error, redoing its work would only delay the exit."""
        child, receiver = self._child, self._receiver
        self._child = self._receiver = None
        self._done = True
        if receiver is not None:
            receiver.close()
        if child is not None:
            child.join()

    def _collect(self) -> T:
        child, receiver = self._child, self._receiver
        self._child = self._receiver = None
        if child is not None and receiver is not None:
            try:
                ok, value = receiver.recv()
            except (EOFError, OSError):
                ok, value = False, None
            finally:
                receiver.close()
                child.join()
            if ok and child.exitcode == 0:
                return value  # type: ignore[no-any-return]
        return self._function()


def in_child(function: Callable[[], T], *, niceness: int = 0) -> Pending[T]:
    """Start ``function`` in a forked child; ``.result()`` gives its return value.

    ``niceness`` lowers the child's CPU priority (``os.nice``), for work that is needed
    only later than the work this process goes on with.

    Example::

        >>> pending = in_child(lambda: render_markdown(report, texts))
        >>> json_text = render_json(report)  # meanwhile, on this CPU
        >>> markdown_text = pending.result()
    """
    return Pending(function, niceness=niceness)


def _run_and_send(
    function: Callable[[], object],
    sender: multiprocessing.connection.Connection,
    niceness: int,
) -> None:
    # A failure is reported, not raised: the parent then calls the function itself and
    # raises whatever it raises, once, in the usual place. (After a Ctrl-C, which reaches
    # this child too, the parent abandons it instead.)
    try:
        release_interrupts()
        if niceness:
            with contextlib.suppress(OSError):
                os.nice(niceness)
        outcome: tuple[bool, object] = (True, function())
    except BaseException:
        outcome = (False, None)
    sender.send(outcome)
    sender.close()


__all__ = ["Pending", "in_child", "interrupts_held", "release_interrupts"]
