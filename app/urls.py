"""Small URL helpers shared by blueprints."""

from urllib.parse import urlsplit


def is_safe_next(target: str | None) -> bool:
    """Only same-site relative paths may be redirected to after login (no open redirect)."""
    if not target:
        return False
    parts = urlsplit(target)
    return (
        not parts.scheme
        and not parts.netloc
        and target.startswith("/")
        and not target.startswith("//")
    )
