"""Talking to another SPARQL store over HTTP: credentials, authentication, one request at a time.

Credentials never travel on the command line: ``--user NAME --password-env VAR`` reads the password
from the environment variable VAR, ``--token-env VAR`` a bearer token. They are never printed either:
every message here names the user and the variable, never the secret, and an endpoint URL with a
password in it (``http://user:pw@host/…``) is refused without being echoed.

Authentication follows the store's challenge (``WWW-Authenticate``): HTTP Basic (RFC 7617) or Digest
(RFC 7616, MD5 or SHA-256, ``qop=auth``; Virtuoso's authenticated endpoints use it). Once a challenge
is known every later request carries the answer up front, so a large body is not sent twice.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import os
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from ..errors import AuthenticationError, EndpointError, UsageError

TIMEOUT_S = 120
_CHALLENGE = re.compile(r'(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))')


@dataclass(frozen=True)
class Credentials:
    """A user and password, or a bearer token (``user`` None); ``source`` names where it came from."""

    user: str | None
    secret: str = field(repr=False)
    source: str  # "--password-env VAR" / "--token-env VAR", for messages

    @property
    def who(self) -> str:
        return f"user {self.user!r} ({self.source})" if self.user else f"the token of {self.source}"


def add_credential_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("authentication (the secret is read from the environment, never from the command line)")
    group.add_argument("--user", metavar="NAME", help="user name for HTTP Basic or Digest authentication")
    group.add_argument("--password-env", metavar="VAR", help="environment variable holding the password of --user")
    group.add_argument("--token-env", metavar="VAR", help="environment variable holding a bearer token")


def credentials_from(args: argparse.Namespace, command: str) -> Credentials | None:
    """The credentials the options name, or None; UsageError when they are incomplete or the variable is unset."""
    user, password_env, token_env = args.user, args.password_env, args.token_env
    if token_env and (user or password_env):
        raise UsageError(f"{command}: give either --user with --password-env, or --token-env, not both")
    if bool(user) != bool(password_env):
        raise UsageError(f"{command}: --user and --password-env go together (the password is read from the variable)")
    if not (token_env or user):
        return None
    variable = token_env or password_env
    secret = os.environ.get(variable, "")
    option = "--token-env" if token_env else "--password-env"
    if not secret:
        raise UsageError(f"{command}: the environment variable {variable} ({option}) is not set or empty")
    return Credentials(user, secret, f"{option} {variable}")


def check_endpoint(url: str, command: str) -> str:
    """``url`` if it is an http(s) URL without credentials in it; UsageError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{command}: --endpoint must be an http(s) URL, not {shown(url)!r}")
    if parts.username is not None or parts.password is not None:
        raise UsageError(f"{command}: --endpoint has a user or password in it; give --user NAME "
                         "--password-env VAR instead (a URL shows in the process list and in logs)")
    return url


def shown(url: str) -> str:
    """``url`` with any ``user:password@`` removed (for messages)."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    reason: str = ""
    challenges: list[str] = field(default_factory=list)  # the WWW-Authenticate headers of a 401


class Remote:
    """Requests to one store, authenticated as its challenges ask."""

    def __init__(self, credentials: Credentials | None, timeout: float = TIMEOUT_S) -> None:
        self.credentials = credentials
        self.timeout = timeout
        self._scheme: str | None = None  # "basic" / "digest" / "bearer", once the store has asked
        self._challenge: dict[str, str] = {}
        self._count = 0

    @property
    def scheme_name(self) -> str:
        """How the credentials were sent, for the summary ('' when the store never asked for them)."""
        return {"digest": "HTTP Digest", "basic": "HTTP Basic", "bearer": "a bearer token"}.get(self._scheme or "", "")

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, *, ok: tuple[int, ...] = ()) -> Response:
        """One request; a 401 is answered once with the credentials. HTTP errors other than
        the statuses in ``ok`` raise :class:`HTTPFailure`; an unreachable store EndpointError."""
        sent_credentials = self._scheme is not None
        response = self._send(method, url, body, headers)
        if response.status == 401 and self._learn(response, sent_credentials):
            response = self._send(method, url, body, headers)
        if response.status == 401:
            raise AuthenticationError(self._refused_message(method, url, response))
        if response.status >= 400 and response.status not in ok:
            raise HTTPFailure(method, url, response)
        return response

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str] | None) -> Response:
        all_headers = dict(headers or {})
        authorization = self._authorization(method, url)
        if authorization:
            all_headers["Authorization"] = authorization
        request = urllib.request.Request(url, data=body, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                return Response(int(reply.status), reply.headers.get("Content-Type", ""), reply.read())
        except urllib.error.HTTPError as exc:
            return Response(exc.code, exc.headers.get("Content-Type", ""), exc.read(), str(exc.reason or ""),
                            exc.headers.get_all("WWW-Authenticate") or [])
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            host = urllib.parse.urlsplit(url)
            raise EndpointError(f"cannot reach {host.scheme}://{host.netloc}: {reason}") from None

    def _learn(self, response: Response, sent_credentials: bool) -> bool:
        """Take the store's challenge; False when there is nothing to answer it with, or the
        credentials were sent already and refused (a Digest nonce gone stale is answered again)."""
        if self.credentials is None:
            return False
        offers = dict(parse_challenge(h) for h in reversed(response.challenges))
        stale = offers.get("digest", {}).get("stale", "").lower() == "true"
        if sent_credentials and not (self._scheme == "digest" and stale):
            return False
        if self.credentials.user is None:
            self._scheme = "bearer"
        elif offers.get("digest", {}).get("algorithm", "MD5").upper() in DIGESTS and "digest" in offers:
            self._scheme, self._challenge, self._count = "digest", offers["digest"], 0
        elif "basic" in offers:
            self._scheme = "basic"
        else:
            return False
        return True

    def _authorization(self, method: str, url: str) -> str | None:
        creds = self.credentials
        if creds is None or self._scheme is None:
            return None
        if self._scheme == "bearer":
            return f"Bearer {creds.secret}"
        if self._scheme == "basic":
            return basic_header(creds.user or "", creds.secret)
        self._count += 1
        return digest_header(creds.user or "", creds.secret, self._challenge, method, url, self._count)

    def _refused_message(self, method: str, url: str, response: Response) -> str:
        where = f"{method} {shown(url)}: HTTP 401"
        if self.credentials is None:
            return f"{where}: the store asks for credentials; give --user NAME --password-env VAR, or --token-env VAR"
        if self._scheme is None:
            schemes = ", ".join(sorted({parse_challenge(h)[0] for h in response.challenges})) or "an unknown scheme"
            return f"{where}: the store asks for authentication ({schemes}) that {self.credentials.who} cannot answer"
        return (f"{where}: the store refused {self.credentials.who} ({self._scheme} authentication): "
                "wrong name or password, or no right to write there")


class HTTPFailure(EndpointError):
    """A request the store answered with an error status (the message carries the status line)."""

    def __init__(self, method: str, url: str, response: Response) -> None:
        detail = error_text(response)
        super().__init__(f"{method} {shown(url)}: HTTP {response.status} {response.reason}".rstrip() + (f": {detail}" if detail else ""))
        self.status = response.status


def error_text(response: Response, limit: int = 240) -> str:
    """The store's error body as one short line (markup removed)."""
    text = response.body[:4000].decode("utf-8", "replace")
    if "html" in response.content_type or text.lstrip().startswith("<"):
        text = re.sub(r"<title>.*?</title>|<[^>]*>", " ", text, flags=re.S | re.I)
        text = html.unescape(text)
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parse_challenge(header: str) -> tuple[str, dict[str, str]]:
    """``Digest realm="x", nonce="y"`` as ("digest", {"realm": "x", "nonce": "y"})."""
    scheme, _, rest = header.strip().partition(" ")
    params = {m.group(1).lower(): (m.group(2) if m.group(2) is not None else m.group(3)) for m in _CHALLENGE.finditer(rest)}
    return scheme.lower(), params


DIGESTS = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


def basic_header(user: str, password: str) -> str:
    """The ``Authorization: Basic …`` value (RFC 7617, UTF-8)."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")


def digest_header(user: str, password: str, challenge: dict[str, str], method: str, url: str, count: int,
                  cnonce: str | None = None) -> str:
    """The ``Authorization: Digest …`` value answering ``challenge`` (RFC 7616, qop=auth or none)."""
    algorithm = challenge.get("algorithm", "MD5").upper()
    hash_of = DIGESTS[algorithm]

    def h(text: str) -> str:
        return hash_of(text.encode("utf-8")).hexdigest()

    parts = urllib.parse.urlsplit(url)
    uri = parts.path or "/"
    if parts.query:
        uri += "?" + parts.query
    realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
    ha1 = h(f"{user}:{realm}:{password}")
    ha2 = h(f"{method}:{uri}")
    fields = [("username", user), ("realm", realm), ("nonce", nonce), ("uri", uri), ("algorithm", algorithm)]
    qops = [q.strip() for q in challenge.get("qop", "").split(",") if q.strip()]
    if "auth" in qops:
        nc, cnonce = f"{count:08x}", cnonce or secrets.token_hex(8)
        fields += [("response", h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")), ("qop", "auth"), ("nc", nc), ("cnonce", cnonce)]
    else:
        fields.append(("response", h(f"{ha1}:{nonce}:{ha2}")))
    if "opaque" in challenge:
        fields.append(("opaque", challenge["opaque"]))
    unquoted = {"algorithm", "qop", "nc"}
    return "Digest " + ", ".join(f"{k}={v}" if k in unquoted else f'{k}="{v}"' for k, v in fields)
