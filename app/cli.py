"""Maintenance commands: `flask --app app <command>`."""

from pathlib import Path
from typing import TYPE_CHECKING

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlmodel import Session

from app import backup, migrate
from app.auth.passwords import password_problems
from app.coaching.progress import upload_dir
from app.db import session_scope
from app.vocab import ROLES

if TYPE_CHECKING:
    from app.models import User


def register(app: Flask) -> None:
    app.cli.add_command(db_upgrade)
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_user_command)
    app.cli.add_command(reset_password_command)
    app.cli.add_command(account_status_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)


@click.command("db-upgrade")
@with_appcontext
def db_upgrade() -> None:
    """Bring the database schema up to date (Alembic migrations)."""
    migrate.upgrade(current_app.config["DATABASE_URL"])
    click.echo("Database is up to date.")


@click.command("seed-demo")
@with_appcontext
@click.option(
    "--port",
    type=int,
    default=8000,
    envvar="PORT",
    show_default=True,
    help="The port the app is served on, for the address printed with the logins.",
)
def seed_demo(port: int) -> None:
    """Load the demo workshop into an empty database and print the demo logins."""
    from app.demo import AlreadySeeded, demo_logins, load_demo
    from data.generator import DEMO_PASSWORD

    try:
        with session_scope() as session:
            load_demo(session)
    except AlreadySeeded:
        click.echo("The database already holds data; the demo set was not loaded again.")
    click.echo(f"\nDemo logins at http://127.0.0.1:{port} (password for all: {DEMO_PASSWORD}):")
    for email, role in demo_logins():
        click.echo(f"  {role:<9} {email}")


def _strong_password(_ctx: click.Context, _param: click.Parameter, password: str) -> str:
    problems = password_problems(password)
    if problems:
        raise click.BadParameter(" ".join(problems))
    return password


@click.command("create-user")
@with_appcontext
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--customer-id", type=int, default=None)
@click.option(
    "--referrer-organisation", default=None, help="Organisation a referrer login speaks for."
)
@click.password_option(callback=_strong_password)
def create_user_command(
    email: str,
    name: str,
    role: str,
    customer_id: int | None,
    referrer_organisation: str | None,
    password: str,
) -> None:
    """Create a login account."""
    from app.auth.users import create_user

    with session_scope() as session:
        create_user(
            session,
            email=email,
            name=name,
            password=password,
            role=role,
            customer_id=customer_id,
            referrer_organisation=referrer_organisation,
        )
    click.echo(f"Created {role} {email}.")


@click.command("reset-password")
@with_appcontext
@click.option("--email", required=True)
@click.password_option(callback=_strong_password)
def reset_password_command(email: str, password: str) -> None:
    """Give an account a new password; every session signed in with the old one ends."""
    from app.auth.users import set_password

    with session_scope() as session:
        user = _account(session, email)
        set_password(user, password)
    click.echo(f"New password set for {user.email}; its other sessions have ended.")


@click.command("account-status")
@with_appcontext
@click.option("--email", required=True)
@click.option("--active/--inactive", required=True, help="Allow or refuse this account's logins.")
def account_status_command(email: str, active: bool) -> None:
    """Disable an account when someone leaves (its sessions end at their next request), or
    enable it again; the account and what it recorded stay, unlike deleting it."""
    with session_scope() as session:
        user = _account(session, email)
        user.active = active
    click.echo(f"{user.email} is {'enabled' if active else 'disabled; its sessions have ended'}.")


def _account(session: Session, email: str) -> "User":
    """The account with this address, or the command stops with a message."""
    from app.auth.users import user_by_email

    user = user_by_email(session, email)
    if user is None:
        raise click.ClickException(f"No account with e-mail address {email}.")
    return user


@click.command("backup")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Write the database and the attachments to the archive PATH."""
    try:
        backup.backup(current_app.config["DATABASE_URL"], path, upload_dir())
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {path}.")


@click.command("restore")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite a database that already holds data.")
def restore_command(path: Path, force: bool) -> None:
    """Replace the database's contents and the attachments with the backup at PATH."""
    url = current_app.config["DATABASE_URL"]
    current_app.extensions["engine"].dispose()
    try:
        files = backup.restore(url, path, upload_dir(), force=force)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    counts = backup.row_counts(url)
    click.echo(
        f"Restored {sum(counts.values())} rows in {len(counts)} tables "
        f"and {files} attachments from {path}."
    )
