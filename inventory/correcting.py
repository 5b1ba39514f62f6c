"""Stock corrections after a count: a pallet gets the units that were found on it, and why."""

from sqlmodel import Session

from inventory.errors import (
    CorrectionDirection,
    CorrectionNoteMissing,
    CorrectionNoteTooLong,
    InvalidPalletStatus,
    NotFound,
    NothingToCorrect,
    PalletOverfull,
)
from inventory.guards import fetch, require_at_least
from inventory.models import (
    Article,
    CorrectionReason,
    MovementKind,
    Pallet,
    PalletStatus,
    StockCorrection,
)
from inventory.stock import IN_STOCK, record, release_place, transition

NOTE_MAX = 500

# Reasons that explain only one direction: damage never adds units, a find never removes any.
ONLY_DOWN = {CorrectionReason.DAMAGE}
ONLY_UP = {CorrectionReason.FOUND}


def _reason(code: str, difference: int) -> CorrectionReason:
    try:
        reason = CorrectionReason(code)
    except ValueError:
        raise NotFound(entity="correction_reason", key=code) from None
    if difference > 0 and reason in ONLY_DOWN:
        raise CorrectionDirection(reason=reason.value, direction="raise")
    if difference < 0 and reason in ONLY_UP:
        raise CorrectionDirection(reason=reason.value, direction="lower")
    return reason


def correct_units(
    session: Session,
    pallet_id: int,
    counted: int,
    reason: str,
    *,
    note: str | None = None,
    seen_units: int | None = None,
    user: str | None = None,
) -> StockCorrection:
    """Set a pallet in stock to the ``counted`` units and record the signed difference.

    ``seen_units`` is what the counter was shown (default: what the pallet holds now).
    The write is refused as a concurrent change when the pallet no longer holds it:
    applied blindly, a pick booked between looking and confirming would be undone or
    counted twice. A count of zero empties the pallet as picking does: it leaves stock
    and gives its place back.
    """
    pallet = fetch(session, Pallet, pallet_id)
    if pallet.status not in IN_STOCK:
        raise InvalidPalletStatus(
            pallet=pallet.label, expected="received or stored", actual=pallet.status
        )
    require_at_least("units", counted, minimum=0)
    seen = pallet.units if seen_units is None else seen_units
    if counted == seen:
        raise NothingToCorrect(pallet=pallet.label, units=counted)
    checked = _reason(reason, counted - seen)
    note = (note or "").strip() or None
    if checked is CorrectionReason.OTHER and note is None:
        raise CorrectionNoteMissing(reason=checked.value)
    if note is not None and len(note) > NOTE_MAX:
        raise CorrectionNoteTooLong(maximum=NOTE_MAX)
    per_pallet = fetch(session, Article, pallet.article_id).units_per_pallet
    if counted > per_pallet:
        raise PalletOverfull(units=counted, pallets=1, units_per_pallet=per_pallet)

    origin_id = pallet.location_id
    if counted == 0:
        transition(
            session,
            pallet,
            IN_STOCK,
            units_seen=seen,
            units=0,
            status=PalletStatus.PICKED,
            location_id=None,
        )
        if origin_id is not None:
            release_place(session, origin_id)
    else:
        transition(session, pallet, IN_STOCK, units_seen=seen, units=counted)
    movement = record(
        session,
        MovementKind.CORRECTION,
        pallet,
        counted - seen,
        from_location_id=origin_id,
        user=user,
    )
    session.flush()
    correction = StockCorrection(
        movement_id=movement.id, reason=checked, note=note, counted_units=counted
    )
    session.add(correction)
    session.flush()
    return correction
