"""Stock corrections after a count: a pallet gets the units that were found on it, and why."""

from dataclasses import dataclass

from sqlmodel import Session

from inventory.errors import (
    ConcurrentChange,
    CorrectionNoteMissing,
    CorrectionNoteTooLong,
    InvalidPalletStatus,
    NotFound,
    NothingToCorrect,
    PalletOverfull,
    ReasonOnlyLowers,
    ReasonOnlyRaises,
)
from inventory.guards import fetch, require_at_least
from inventory.models import (
    Article,
    CorrectionReason,
    MovementKind,
    Pallet,
    StockCorrection,
)
from inventory.stock import IN_STOCK, leave_stock, record, transition

NOTE_MAX = 500

# Reasons that explain only one direction: damage never adds units, a find never removes any.
ONLY_LOWERS = {CorrectionReason.DAMAGE}
ONLY_RAISES = {CorrectionReason.FOUND}


@dataclass(frozen=True)
class Count:
    """A checked count, not yet written: what a confirmation screen shows."""

    pallet: Pallet
    seen: int
    counted: int
    reason: CorrectionReason
    note: str | None

    @property
    def difference(self) -> int:
        return self.counted - self.seen


def _reason(code: str, difference: int) -> CorrectionReason:
    try:
        reason = CorrectionReason(code)
    except ValueError:
        raise NotFound(entity="correction_reason", key=code) from None
    if difference > 0 and reason in ONLY_LOWERS:
        raise ReasonOnlyLowers(reason=reason.value)
    if difference < 0 and reason in ONLY_RAISES:
        raise ReasonOnlyRaises(reason=reason.value)
    return reason


def _note(reason: CorrectionReason, note: str | None) -> str | None:
    note = (note or "").strip() or None
    if reason is CorrectionReason.OTHER and note is None:
        raise CorrectionNoteMissing(reason=reason.value)
    if note is not None and len(note) > NOTE_MAX:
        raise CorrectionNoteTooLong(maximum=NOTE_MAX)
    return note


def check_count(
    session: Session,
    pallet_id: int,
    counted: int,
    reason: str,
    *,
    note: str | None = None,
    seen_units: int | None = None,
) -> Count:
    """Every refusal a correction can meet short of a concurrent write, without writing.

    ``seen_units`` is what the counter was shown (default: what the pallet holds now);
    a pallet that holds something else already is a concurrent change.
    """
    pallet = fetch(session, Pallet, pallet_id)
    if pallet.status not in IN_STOCK:
        raise InvalidPalletStatus(
            pallet=pallet.label, expected="received or stored", actual=pallet.status
        )
    seen = pallet.units if seen_units is None else seen_units
    if seen != pallet.units:
        raise ConcurrentChange(pallet=pallet.label)
    require_at_least("units", counted, minimum=0)
    if counted == seen:
        raise NothingToCorrect(pallet=pallet.label, units=counted)
    checked = _reason(reason, counted - seen)
    per_pallet = fetch(session, Article, pallet.article_id).units_per_pallet
    if counted > per_pallet:
        raise PalletOverfull(units=counted, pallets=1, units_per_pallet=per_pallet)
    return Count(pallet, seen, counted, checked, _note(checked, note))


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

    The write is guarded on the units the counter saw: applied blindly, a pick booked
    between looking and confirming would be undone or counted twice. A count of zero
    empties the pallet as picking does: it leaves stock and gives its place back.
    """
    count = check_count(session, pallet_id, counted, reason, note=note, seen_units=seen_units)
    pallet = count.pallet
    origin_id = pallet.location_id
    if counted == 0:
        leave_stock(session, pallet, units_seen=count.seen, units=0)
    else:
        transition(session, pallet, IN_STOCK, units_seen=count.seen, units=counted)
    movement = record(
        session,
        MovementKind.CORRECTION,
        pallet,
        count.difference,
        from_location_id=origin_id,
        user=user,
    )
    session.flush()
    correction = StockCorrection(
        movement_id=movement.id, reason=count.reason, note=count.note, counted_units=counted
    )
    session.add(correction)
    session.flush()
    return correction
