"""Password hashing and the rules a new password must meet."""

from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 10


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


def password_problems(password: str) -> list[str]:
    """Why a password is too weak, in the user's language; empty when it is fine."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(_l("Minstens %(n)s tekens.", n=MIN_LENGTH))
    if password.lower() == password or password.upper() == password:
        problems.append(_l("Zowel hoofdletters als kleine letters."))
    if not any(ch.isdigit() for ch in password):
        problems.append(_l("Minstens één cijfer."))
    return [str(p) for p in problems]
