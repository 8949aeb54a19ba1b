"""Login throttling: growing delays per account and per address, never a hard lock.

Every failed log-in from a stranger counts against the account tried (from whatever
address) and against the address (whatever the account). Once an account has had
``LOGIN_FREE_FAILURES_PER_ACCOUNT`` failures, or an address
``LOGIN_FREE_FAILURES_PER_ADDRESS``, the next attempt must wait 1 second after the last
failure, then 2, 4, 8... doubling with each further failure up to
``LOGIN_MAX_DELAY_SECONDS``. An attempt made sooner is answered 429 with ``Retry-After``
and its password is not checked. An account's failures are forgotten
``LOGIN_ACCOUNT_WINDOW_SECONDS`` after its last one (a day), an address's
``LOGIN_ADDRESS_WINDOW_SECONDS`` after its last (an hour: an office behind one address
recovers soon). So guesses spread over many addresses are slowed by the account's count,
and one password tried on many accounts by the address's count.

A browser that has signed in to an account carries a signed cookie naming it (a "known
device"). Its attempts on that account skip both counts and are slowed only by their own
failures, with the account's allowance: whoever hammers an account, or shares the
owner's address behind a proxy or NAT, delays strangers, not the owner's usual browser.

Counters live in Django's cache (shared across processes with CACHE_URL). Past the free
failures one attempt per counter is checked at a time, so parallel requests cannot all
slip in before the first failures are counted.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from config.proxies import address_bucket

DEVICE_COOKIE = "summitry_device"
_DEVICE_SALT = "config.login_throttle.device"
_PREFIX = "login-throttle"
# How long an attempt may hold its counter's turn if its process dies mid-check.
_TURN_SECONDS = 60


@dataclass(frozen=True)
class Counter:
    key: str
    free_failures: int
    window: int  # seconds a failure is remembered after the last one

    def failures(self) -> str:
        return f"{self.key}:failures"

    def last_failure(self) -> str:
        return f"{self.key}:last"

    def turn(self) -> str:
        return f"{self.key}:turn"


def delay_after(failures: int, free_failures: int) -> float:
    """Seconds the next attempt waits after the last failure."""
    if failures < free_failures:
        return 0
    return min(2.0 ** (failures - free_failures), settings.LOGIN_MAX_DELAY_SECONDS)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _account(username: str) -> str:
    return _digest(username.strip().casefold())


def counters_for(request, username: str, device: str | None) -> list[Counter]:
    def counter(kind: str, ident: str, free_failures: int, window: int) -> Counter:
        return Counter(f"{_PREFIX}:{kind}:{_digest(ident)}", free_failures, window)

    per_account = settings.LOGIN_FREE_FAILURES_PER_ACCOUNT
    account_window = settings.LOGIN_ACCOUNT_WINDOW_SECONDS
    if device:
        return [counter("device", device, per_account, account_window)]
    address = address_bucket(request.META.get("REMOTE_ADDR", ""))
    return [
        counter("account", _account(username), per_account, account_window),
        counter(
            "address",
            address,
            settings.LOGIN_FREE_FAILURES_PER_ADDRESS,
            settings.LOGIN_ADDRESS_WINDOW_SECONDS,
        ),
    ]


# --- counting -------------------------------------------------------------------------------


def _count_attempt(counter: Counter) -> int:
    """Count this attempt now, so parallel ones see it; taken back unless it fails."""
    cache.add(counter.failures(), 0, timeout=counter.window)
    try:
        return cache.incr(counter.failures())
    except ValueError:  # expired in between
        cache.set(counter.failures(), 1, timeout=counter.window)
        return 1


def _take_back(counter: Counter) -> None:
    try:
        if cache.decr(counter.failures()) < 0:
            cache.set(counter.failures(), 0, timeout=counter.window)
    except ValueError:
        pass


@dataclass(frozen=True)
class Claim:
    """An attempt counted against one counter, maybe holding its turn."""

    counter: Counter
    holds_turn: bool


def _claim(counter: Counter, now: float) -> tuple[Claim | None, float]:
    """Count the attempt; past the free failures, take the counter's turn and see whether
    the delay since the last failure has passed. Returns the claim, or the wait."""
    attempts = _count_attempt(counter)
    if attempts <= counter.free_failures:
        return Claim(counter, holds_turn=False), 0
    if not cache.add(counter.turn(), 1, timeout=_TURN_SECONDS):
        _take_back(counter)
        return None, 1
    claim = Claim(counter, holds_turn=True)
    last = cache.get(counter.last_failure(), 0)
    wait = last + delay_after(attempts - 1, counter.free_failures) - now
    if wait > 0:
        release([claim], failed=False)
        return None, wait
    return claim, 0


def admit(counters: list[Counter], now: float) -> tuple[list[Claim], int]:
    """The claims to release once the password is checked, or whole seconds to wait
    (with nothing counted)."""
    results = [_claim(counter, now) for counter in counters]
    claims = [claim for claim, _ in results if claim]
    wait = max(wait for _, wait in results)
    if wait > 0:
        release(claims, failed=False)
        return [], max(1, math.ceil(wait))
    return claims, 0


def release(claims: list[Claim], *, failed: bool) -> None:
    """A failure stays counted and restarts the delay; anything else is taken back."""
    now = time.time()
    for claim in claims:
        counter = claim.counter
        if failed:
            cache.set(counter.last_failure(), now, timeout=counter.window)
            cache.touch(counter.failures(), counter.window)
        else:
            _take_back(counter)
        if claim.holds_turn:
            cache.delete(counter.turn())


# --- known devices --------------------------------------------------------------------------


def known_device(request, username: str) -> str | None:
    """The id of this browser's device cookie, if it is valid and for this account."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        found = signing.loads(value, salt=_DEVICE_SALT, max_age=settings.LOGIN_DEVICE_DAYS * 86_400)
    except signing.BadSignature:
        return None
    if not isinstance(found, dict) or found.get("account") != _account(username):
        return None
    device = found.get("device")
    return device if isinstance(device, str) else None


def device_cookie(username: str, device: str | None) -> str:
    return signing.dumps(
        {"account": _account(username), "device": device or secrets.token_urlsafe(16)},
        salt=_DEVICE_SALT,
    )


# --- Django glue ----------------------------------------------------------------------------


class ThrottledModelBackend(ModelBackend):
    """Django's username and password check, behind the throttle described above. A
    throttled attempt raises PermissionDenied (Django then reports a failed log-in) and
    marks the request, which ``LoginThrottleMiddleware`` answers with 429."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self._username_field())
        if request is None or username is None or not settings.LOGIN_THROTTLE_ENABLED:
            return super().authenticate(request, username, password, **kwargs)
        device = known_device(request, username)
        counters = counters_for(request, username, device)
        claims, wait = admit(counters, time.time())
        if wait:
            request.login_retry_after = wait
            raise PermissionDenied
        try:
            user = super().authenticate(request, username, password, **kwargs)
        except BaseException:
            release(claims, failed=False)
            raise
        release(claims, failed=user is None)
        if user is None:
            return None
        if device:
            cache.delete(counters[0].failures())  # the owner: its own count starts again
        request.login_device_cookie = device_cookie(username, device)
        return user

    @staticmethod
    def _username_field() -> str:
        return get_user_model().USERNAME_FIELD


class LoginThrottleMiddleware:
    """Answers a throttled log-in with 429 and ``Retry-After``, and gives a browser that
    signed in its device cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        retry_after = getattr(request, "login_retry_after", None)
        if retry_after:
            response = render(
                request,
                "registration/login_throttled.html",
                {"retry_after": retry_after},
                status=429,
            )
            response["Retry-After"] = str(retry_after)
        cookie = getattr(request, "login_device_cookie", None)
        if cookie:
            response.set_cookie(
                DEVICE_COOKIE,
                cookie,
                max_age=settings.LOGIN_DEVICE_DAYS * 86_400,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
