"""HTTP authentication as the RFCs define it: the worked examples of RFC 7616 (Digest) and RFC 7617
(Basic), and a challenge as a real Virtuoso 7.2 sends it. (Digest against a live store is in
tests/test_publish_virtuoso.py.)"""

from __future__ import annotations

import argparse

import pytest

from resdip.commands.remote import (add_credential_arguments, basic_header, check_endpoint, credentials_from,
                                    digest_header, parse_challenge)
from resdip.errors import UsageError

#: RFC 7616 section 3.9.1 (the request for /dir/index.html by Mufasa).
RFC7616 = {"realm": "http-auth@example.org", "qop": "auth, auth-int", "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
           "opaque": "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"}
CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"


@pytest.mark.parametrize("algorithm, response", [
    ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
    ("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
])
def test_digest_answers_rfc_7616s_example(algorithm: str, response: str) -> None:
    header = digest_header("Mufasa", "Circle of Life", {**RFC7616, "algorithm": algorithm}, "GET",
                           "http://www.example.org/dir/index.html", 1, cnonce=CNONCE)
    fields = parse_challenge(header)[1]
    assert fields["response"] == response
    assert (fields["nc"], fields["qop"], fields["uri"], fields["opaque"]) == ("00000001", "auth", "/dir/index.html", RFC7616["opaque"])


def test_basic_is_rfc_7617s_example() -> None:
    assert basic_header("Aladdin", "open sesame") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="


def test_a_virtuoso_challenge_is_read() -> None:
    header = ('Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="a8d0d2bbcd9569352fa6284d8391297c", '
              'opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5"')
    scheme, params = parse_challenge(header)
    assert scheme == "digest" and params["realm"] == "SPARQL" and params["qop"] == "auth" and params["stale"] == "false"


def options(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_credential_arguments(parser)
    return parser.parse_args(list(argv))


def test_secrets_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESDIP_T_PW", "s3cret")
    creds = credentials_from(options("--user", "ann", "--password-env", "RESDIP_T_PW"), "publish")
    assert creds is not None and creds.secret == "s3cret" and "s3cret" not in repr(creds) + creds.who
    monkeypatch.delenv("RESDIP_T_PW")
    with pytest.raises(UsageError, match="RESDIP_T_PW .* not set"):
        credentials_from(options("--user", "ann", "--password-env", "RESDIP_T_PW"), "publish")
    with pytest.raises(UsageError, match="go together"):
        credentials_from(options("--user", "ann"), "publish")
    with pytest.raises(UsageError, match="not both"):
        credentials_from(options("--user", "ann", "--password-env", "X", "--token-env", "Y"), "publish")
    assert credentials_from(options(), "publish") is None


def test_an_endpoint_with_a_password_in_it_is_refused_unechoed() -> None:
    with pytest.raises(UsageError) as refused:
        check_endpoint("http://ann:s3cret@127.0.0.1:8890/sparql-graph-crud-auth", "publish")
    assert "s3cret" not in str(refused.value) and "--password-env" in str(refused.value)
    with pytest.raises(UsageError, match="http\\(s\\) URL"):
        check_endpoint("localhost:8890/sparql", "query")
