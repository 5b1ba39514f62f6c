"""Money as Decimal, rounded half-up to the cent: the one place amounts are rounded."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("9999999999.99")  # what a NUMERIC(12, 2) column holds


def cents(value: Decimal | int) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def hours(minutes: int) -> Decimal:
    """Minutes as hours to two decimals (7 h 20 min = 7.33), as payroll reads them."""
    return cents(Decimal(minutes) / 60)


def vat_of(net: Decimal, rate_percent: Decimal) -> Decimal:
    return cents(net * rate_percent / 100)


def parse_amount(text: str, *, places: int = 2) -> Decimal | None:
    """A typed amount ("12,50" or "12.50"), or None when it is not a finite amount ≥ 0."""
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    if not cleaned or len(cleaned) > 20:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        return None
    return value


def euro(value: Decimal) -> str:
    """Dutch notation: € 1.234,56."""
    text = f"{cents(value):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€\u00a0{text}"  # never split from its amount
