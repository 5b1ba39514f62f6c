"""No secret is committed: keys, tokens and hard-coded secret keys stay out of the repository.

Only the documented placeholders may appear: the development secret in app/config.py
(production refuses it), the test secret and the local test database's password.
"""

import re
import subprocess

import pytest

from app.config import DEV_SECRET, ROOT, TestConfig

PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY" + "-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "hard-coded secret key": re.compile(
        r"""(?i)\b(?:SECRET_KEY|API_KEY|API_TOKEN|PASSWORD)\s*[:=]\s*["']([^"'\s]{6,})["']"""
    ),
    "password in a URL": re.compile(r"\b[a-z+]+://[^/\s:@]+:([^@\s/]+)@"),
}
PLACEHOLDERS = {DEV_SECRET, TestConfig.SECRET_KEY, "fabriek", "pw", "PASSWORD"}


def tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    )
    return [name for name in result.stdout.split("\0") if name]


def findings(text: str) -> list[tuple[str, str]]:
    found = []
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            secret = match.group(1) if pattern.groups else match.group(0)
            if secret not in PLACEHOLDERS and not secret.startswith(("{", "$", "<")):
                found.append((kind, match.group(0)[:60]))
    return found


def test_no_tracked_file_holds_a_secret():
    names = tracked_files()
    assert "app/config.py" in names
    problems = []
    for name in names:
        path = ROOT / name
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:4096]:
            continue
        problems += [(name, *finding) for finding in findings(data.decode("utf-8", "replace"))]
    assert problems == []


def test_no_environment_file_is_tracked():
    assert [name for name in tracked_files() if name.split("/")[-1].startswith(".env")] == []


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN RSA PRIVATE KEY" + "-----\nMIIB",
        'SECRET_KEY = "' + "k3y" * 12 + '"',
        "DATABASE_URL=postgresql://app:" + "hunter22" + "@db/fabriek",
        "token = gh" + "p_" + "a" * 36,
    ],
)
def test_the_scanner_recognises_secrets(text):
    assert findings(text)


def test_the_scanner_accepts_the_documented_placeholders():
    assert findings(f'SECRET_KEY = "{DEV_SECRET}"') == []
    assert findings("postgresql://fabriek:fabriek@127.0.0.1:5432/fabriek_test") == []
