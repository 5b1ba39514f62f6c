"""`flask remove-stale-imports`: run from cron, so abandoned import previews do not pile up."""

from datetime import timedelta

import click

from app.warehouse import bp
from app.warehouse.uploads import PREVIEW_LIFETIME, remove_stale


@bp.cli.command("remove-stale-imports")
@click.option(
    "--older-than-hours",
    type=click.IntRange(min=1),
    default=int(PREVIEW_LIFETIME.total_seconds() // 3600),
    show_default=True,
    help="Remove import previews nobody confirmed within this many hours.",
)
def remove_stale_imports(older_than_hours: int) -> None:
    """Remove CSV/Excel import previews that were never confirmed."""
    removed = remove_stale(timedelta(hours=older_than_hours))
    click.echo(f"Removed {removed} import preview(s) older than {older_than_hours} hour(s).")
