"""Imports every module that defines tables, so metadata is complete for Alembic and tests."""

import app.audit  # noqa: F401
import app.auth.links  # noqa: F401
import app.coaching.models  # noqa: F401
import app.dataversion  # noqa: F401
import app.models  # noqa: F401
import app.money.models  # noqa: F401
import app.orders.models  # noqa: F401
import app.ownplan.models  # noqa: F401
import app.regime.models  # noqa: F401
import app.roster.models  # noqa: F401
import app.security.models  # noqa: F401
import app.submissions  # noqa: F401
import app.supervision.models  # noqa: F401
import app.training.models  # noqa: F401
import inventory.models  # noqa: F401
