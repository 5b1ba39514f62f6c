"""Parallel requests against the app served on 127.0.0.1, as the probe of issue 18 sent them.

`serving` runs the app in a threaded werkzeug server; each `Visitor` is one browser (its
own cookies, logged in); `at_once` releases a list of calls together from threads of
their own and returns what each answered, bounded in time.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from typing import TypeVar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

from flask import Flask
from werkzeug.serving import make_server

from data.generator import DEMO_PASSWORD

T = TypeVar("T")
TIMEOUT = 60


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(TIMEOUT)


class _Stay(HTTPRedirectHandler):
    """Answers are checked as they come: a redirect is a result, not a next request."""

    def redirect_request(self, *_args, **_kwargs):
        return None


class Visitor:
    def __init__(self, base: str, email: str) -> None:
        self.base = base
        self._opener = build_opener(HTTPCookieProcessor(CookieJar()), _Stay)
        status, _body = self.post("/inloggen", {"email": email, "password": DEMO_PASSWORD})
        assert status == 302, status

    def get(self, path: str) -> tuple[int, str]:
        return self._send(Request(self.base + path))

    def post(self, path: str, data: dict) -> tuple[int, str]:
        return self._send(Request(self.base + path, data=urlencode(data).encode()))

    def _send(self, request: Request) -> tuple[int, str]:
        try:
            with self._opener.open(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode()
        except HTTPError as answer:
            return answer.code, answer.read().decode()


def at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Run every call in a thread of its own, all started together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list[T | BaseException | None] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait(TIMEOUT)
        try:
            results[index] = calls[index]()
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "a parallel request did not answer in time"
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results  # type: ignore[return-value]
