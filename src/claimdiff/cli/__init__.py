"""Command line: click only. Options, file I/O and exit codes; the work is in the library.

Exit codes: 0 clean; 1 findings at or above ``--fail-on``; 2 usage, input or
config error; 3 internal error (run again with ``--debug`` for the traceback).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from claimdiff import __version__
from claimdiff.errors import ClaimdiffError

EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3


class InputError(click.ClickException):
    """A ClaimdiffError shown as one ``error: path:line: message`` line, exit code 2."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        for line in self.format_message().splitlines():
            click.echo(f"error: {line}", err=True)


class ClaimdiffGroup(click.Group):
    """Maps library errors to exit code 2 and anything unexpected to exit code 3."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimdiffError as exc:
            raise InputError(str(exc)) from exc
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted; outputs already written are intact", err=True)
            ctx.exit(130)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc} (run again with --debug "
                "for the traceback)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=ClaimdiffGroup)
@click.version_option(__version__, prog_name="claimdiff")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Cross-check news sources: extract their claims, align them across sources,
    and report agreements, conflicts and differences that are only apparent.

    Example:

        claimdiff run seeds/ && less reports/report.md
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    # Imported here: the command modules import this one for InputError and the exit codes.
    from claimdiff.cli.commands import extract_command, report_command, run_command, schema_command
    from claimdiff.cli.eval import eval_command
    from claimdiff.cli.review import review_group, verify_command

    for command in (
        run_command,
        extract_command,
        report_command,
        schema_command,
        review_group,
        verify_command,
        eval_command,
    ):
        cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="claimdiff")
    sys.exit(0)  # pragma: no cover
