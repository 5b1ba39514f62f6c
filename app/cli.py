"""Maintenance commands: `flask --app app <command>`."""

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from app import migrate
from app.auth.passwords import password_problems
from app.db import session_scope
from app.vocab import ROLES


def register(app: Flask) -> None:
    app.cli.add_command(db_upgrade)
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_user_command)


@click.command("db-upgrade")
@with_appcontext
def db_upgrade() -> None:
    """Bring the database schema up to date (Alembic migrations)."""
    migrate.upgrade(current_app.config["DATABASE_URL"])
    click.echo("Database is up to date.")


@click.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Load the demo workshop into an empty database and print the demo logins."""
    from app.demo import AlreadySeeded, demo_logins, load_demo
    from data.generator import DEMO_PASSWORD

    try:
        with session_scope() as session:
            load_demo(session)
    except AlreadySeeded:
        click.echo("The database already holds data; the demo set was not loaded again.")
    click.echo(f"\nDemo logins at http://127.0.0.1:8000 (password for all: {DEMO_PASSWORD}):")
    for email, role in demo_logins():
        click.echo(f"  {role:<9} {email}")


@click.command("create-user")
@with_appcontext
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--customer-id", type=int, default=None)
@click.password_option()
def create_user_command(
    email: str, name: str, role: str, customer_id: int | None, password: str
) -> None:
    """Create a login account."""
    from app.auth.users import create_user

    problems = password_problems(password)
    if problems:
        raise click.BadParameter(" ".join(problems), param_hint="password")
    with session_scope() as session:
        create_user(
            session, email=email, name=name, password=password, role=role, customer_id=customer_id
        )
    click.echo(f"Created {role} {email}.")
