"""The guard: foreign hosts, requests without the token, cross-site posts, oversized uploads, strict headers."""

from collections.abc import Iterator

from starlette.testclient import TestClient

from speeddating.web.security import MAX_UPLOAD_BYTES, Guard


def test_a_foreign_host_is_refused_even_with_the_token(client: TestClient, guard: Guard) -> None:
    for host in ("attacker.example", f"attacker.example:{guard.port}", f"127.0.0.1:{guard.port + 1}", "127.0.0.1"):
        assert client.get("/", headers={"host": host}).status_code == 400, host


def test_both_local_names_are_accepted(client: TestClient, guard: Guard) -> None:
    for host in guard.hosts:
        assert client.get("/", headers={"host": host}).status_code == 200, host


def test_without_the_token_nothing_is_shown(anonymous: TestClient) -> None:
    refused = anonymous.get("/")
    assert refused.status_code == 403
    assert "speeddating serve" in refused.text
    assert anonymous.get("/?token=wrong").status_code == 403


def test_the_token_in_the_address_becomes_a_strict_cookie_and_leaves_the_address(
    anonymous: TestClient, guard: Guard
) -> None:
    answer = anonymous.get(f"/?token={guard.token}&x=1")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/?x=1"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{guard.cookie}={guard.token};")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert anonymous.get("/").status_code == 200  # the cookie now opens the page


def test_a_post_from_another_site_is_refused(client: TestClient) -> None:
    for headers in ({"origin": "http://attacker.example"}, {"origin": "null"}, {"origin": "http://127.0.0.1:1"}):
        assert client.post("/sessions", headers=headers).status_code == 403, headers


def test_a_post_without_origin_needs_the_browser_to_say_same_origin(client: TestClient) -> None:
    del client.headers["origin"]
    assert client.post("/sessions").status_code == 403
    assert client.post("/sessions", headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.post("/sessions", headers={"sec-fetch-site": "same-origin"}).status_code == 303


def test_a_post_from_the_page_without_the_token_is_refused(anonymous: TestClient, origin: str) -> None:
    assert anonymous.post("/sessions", headers={"origin": origin}).status_code == 403
    assert anonymous.post("/sessions?token=x", headers={"origin": origin}).status_code == 403


def test_a_post_from_the_page_with_the_token_is_served(client: TestClient) -> None:
    answer = client.post("/sessions")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/sessions/")


def test_an_oversized_body_is_refused_with_a_clear_message(client: TestClient) -> None:
    too_big = b"x" * (MAX_UPLOAD_BYTES + 1)
    answer = client.post("/sessions", content=too_big)
    assert answer.status_code == 413
    assert "dépasse 10 Mo" in answer.text


def test_an_oversized_upload_without_length_is_cut_at_the_limit(client: TestClient) -> None:
    session = client.post("/sessions").headers["location"].removesuffix("/import")

    def chunks() -> Iterator[bytes]:
        yield b'--cut\r\nContent-Disposition: form-data; name="attendees"; filename="a.csv"\r\n\r\n'
        for _ in range(MAX_UPLOAD_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b"\r\n--cut--\r\n"

    answer = client.post(
        session + "/import", content=chunks(), headers={"content-type": "multipart/form-data; boundary=cut"}
    )
    assert answer.status_code == 413
    assert "dépasse 10 Mo" in answer.text


def test_every_answer_carries_a_strict_content_security_policy(client: TestClient, anonymous: TestClient) -> None:
    for answer in (client.get("/"), anonymous.get("/"), client.get("/static/htmx.min.js")):
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert client.get("/").headers["cache-control"] == "no-store"


def test_static_files_need_no_token_but_pages_do(anonymous: TestClient) -> None:
    assert anonymous.get("/static/htmx.min.js").status_code == 200
    assert anonymous.get("/static/../").status_code in (403, 404)


def test_the_framework_documentation_pages_are_off(client: TestClient) -> None:
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(path).status_code == 404, path


def test_the_language_switch_never_sends_the_browser_elsewhere(client: TestClient) -> None:
    for back in ("//attacker.example/", "https://attacker.example/", "/\\attacker.example"):
        answer = client.post("/language", data={"language": "en", "back": back})
        assert answer.headers["location"] == "/", back
    answer = client.post("/language", data={"language": "en", "back": "/sessions"})
    assert answer.headers["location"] == "/sessions"
    assert "speeddating_lang=en" in answer.headers["set-cookie"]
