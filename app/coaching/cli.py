"""`flask anonymise-participants`: run from cron to enforce the retention period."""

import click

from app.coaching import bp
from app.coaching.anonymise import anonymise_due
from app.db import session_scope


@bp.cli.command("anonymise-participants")
@click.option(
    "--older-than-days",
    type=click.IntRange(min=1),
    required=True,
    help="Retention period: anonymise trajectories that ended longer ago than this.",
)
def anonymise_participants(older_than_days: int) -> None:
    """Anonymise participants whose trajectory ended before the retention period."""
    with session_scope() as session:
        count = anonymise_due(session, older_than_days)
    click.echo(f"Anonymised {count} participant(s).")
