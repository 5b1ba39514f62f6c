"""The people at referring organisations who follow a trajectory, kept in the participant file."""

from sqlmodel import Session, select

from app.audit import record
from app.coaching.models import ReferrerContact
from app.models import Participant

FIELDS = ("kind", "name", "organisation", "email", "phone")


def contacts_of(db: Session, participant_id: int) -> list[ReferrerContact]:
    return list(
        db.exec(
            select(ReferrerContact)
            .where(ReferrerContact.participant_id == participant_id)
            .order_by(ReferrerContact.kind, ReferrerContact.name, ReferrerContact.id)
        )
    )


def contact_of(db: Session, participant: Participant, contact_id: int) -> ReferrerContact | None:
    """The contact, only when it belongs to this participant: ids of other files are no way in."""
    contact = db.get(ReferrerContact, contact_id)
    return contact if contact is not None and contact.participant_id == participant.id else None


def save_contact(
    db: Session, participant: Participant, contact: ReferrerContact | None, values: dict
) -> ReferrerContact:
    """Add a contact (no `contact`) or change one; the audit entry names what changed."""
    created = contact is None
    contact = contact or ReferrerContact(participant_id=participant.id)
    changed = [name for name in FIELDS if getattr(contact, name, None) != values[name]]
    for name in FIELDS:
        setattr(contact, name, values[name])
    db.add(contact)
    if created:
        record(
            db, "create", f"contactpersoon verwijzer {contact.kind}: {contact.name}", participant.id
        )
    elif changed:
        what = f"contactpersoon verwijzer {contact.name}: {', '.join(changed)}"
        record(db, "update", what, participant.id)
    return contact
