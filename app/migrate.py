"""Running Alembic from Python, so `flask db-upgrade`, the tests and set-up share one path."""

from alembic import command
from alembic.config import Config as AlembicConfig

from app.config import ROOT


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig(str(ROOT / "alembic.ini"))
    cfg.attributes["url"] = url
    cfg.attributes["quiet"] = True
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
