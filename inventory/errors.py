"""Domain errors of the warehouse.

Each error carries a stable ``code`` and the ``params`` that went into its
message, so the web app can show its own (Dutch) text without parsing the
English ``str()`` meant for logs and tests.
"""

from typing import Any, ClassVar


class InventoryError(Exception):
    """Base of every refusal by the warehouse logic."""

    code: ClassVar[str] = "inventory_error"
    template: ClassVar[str] = "warehouse operation refused"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.template.format(**params))


class NotFound(InventoryError):
    code = "not_found"
    template = "{entity} {key} does not exist"


class InvalidQuantity(InventoryError):
    code = "invalid_quantity"
    template = "{field} must be at least {minimum}, got {value}"


class PalletOverfull(InventoryError):
    code = "pallet_overfull"
    template = "{units} units do not fit on {pallets} pallet(s) of {units_per_pallet}"


class TooManyPallets(InventoryError):
    code = "too_many_pallets"
    template = "{pallets} pallets are more than the {maximum} places of the warehouse"


class ConcurrentChange(InventoryError):
    code = "concurrent_change"
    template = "pallet {pallet} was changed by someone else meanwhile; try again"


class LocationFull(InventoryError):
    code = "location_full"
    template = "location {location} has no free place left"


class NoFreeLocation(InventoryError):
    code = "no_free_location"
    template = "no free location{scope}"


class InsufficientStock(InventoryError):
    code = "insufficient_stock"
    template = "pallet {pallet} holds fewer than {units} units"


class InvalidPalletStatus(InventoryError):
    code = "invalid_pallet_status"
    template = "pallet {pallet} must be {expected} for this, it is {actual}"


class SameLocation(InventoryError):
    code = "same_location"
    template = "pallet {pallet} already stands at {location}"


class CustomerMismatch(InventoryError):
    code = "customer_mismatch"
    template = "{what} belongs to customer {actual}, not to customer {expected}"


class CustomerInactive(InventoryError):
    code = "customer_inactive"
    template = "customer {customer} is not active"


class ShipmentAlreadyShipped(InventoryError):
    code = "shipment_already_shipped"
    template = "shipment {shipment} has already been shipped"


class ShipmentEmpty(InventoryError):
    code = "shipment_empty"
    template = "shipment {shipment} has no lines"


class NothingToCorrect(InventoryError):
    code = "nothing_to_correct"
    template = "pallet {pallet} already holds {units} units"


class CorrectionNoteMissing(InventoryError):
    code = "correction_note_missing"
    template = "a correction for reason {reason} needs a note"


class CorrectionNoteTooLong(InventoryError):
    code = "correction_note_too_long"
    template = "a correction note may have at most {maximum} characters"


class ReasonOnlyLowers(InventoryError):
    """Such as damage: it explains missing units, never extra ones."""

    code = "reason_only_lowers"
    template = "reason {reason} can only lower stock"


class ReasonOnlyRaises(InventoryError):
    """Such as a find: it explains extra units, never missing ones."""

    code = "reason_only_raises"
    template = "reason {reason} can only raise stock"


class ImportInvalid(InventoryError):
    """Raised by an import's apply step; ``params['errors']`` lists every bad cell."""

    code = "import_invalid"
    template = "import refused: {count} error(s), nothing was written"
