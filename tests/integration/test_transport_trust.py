"""The transport under a slow, broken or hostile server: real ansible-playbook runs against the emulator (issue 9 items 6, 8, 11).

- A create slower than `timeout` is looked up over a window before it is sent again: one service, not two or three.
- A page link to another host is not followed: that host receives no request, so no credentials.
- Answers that are not Twilio's JSON (HTML, empty, wrong shape, HTML 401/403) fail naming the operation, the path, the
  status and the content type, without Python exception text; a refused connection and an unknown name fail at once.

Each test prints its figures; docs/reliability.md quotes them.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from harness import account, auth_for

CREDENTIALS_HINT = "Check the credentials: account_sid with auth_token, or api_key_sid with api_key_secret of that account."
PYTHON_TEXT = ("Traceback", "Exception", "Error(", "object at 0x", "Expecting value", "has no attribute", "MaxRetryError", "Errno")
MG1, MG2, MG3 = "MG" + "1" * 32, "MG" + "2" * 32, "MG" + "3" * 32


def playbook(tmp_path: Path, auth: dict[str, Any], tasks: list[dict[str, Any]]) -> Path:
    """One play on localhost with the collection's module_defaults from a vars file (the playbook text holds no secret)."""
    auth_file = tmp_path / "auth.yml"
    auth_file.write_text(yaml.safe_dump({"twilio_auth": auth}), encoding="utf-8")
    play = {"name": "transport", "hosts": "localhost", "connection": "local", "gather_facts": False,
            "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"}, "vars_files": [str(auth_file)],
            "module_defaults": {"group/tendlc.twilio.twilio": "{{ twilio_auth }}"}, "tasks": tasks}
    path = tmp_path / "playbook.yml"
    path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
    return path


def task(name: str, module: str, args: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "tendlc.twilio." + module: args, **extra}


def clock(name: str) -> dict[str, Any]:
    """A task that records the controller's time, to time the tasks between two of them."""
    return {"name": name, "ansible.builtin.set_fact": {"at": "{{ now().timestamp() }}"}}


def at(run: Any, name: str) -> float:
    return float(run.result(name)["ansible_facts"]["at"])


def no_python_text(text: str) -> list[str]:
    return [word for word in PYTHON_TEXT if word in text]


# Item 6: a create that the server applies after the client's timeout.

LATENCY = 2.5  # seconds the emulator waits before it applies POST /v1/Services


def test_a_create_slower_than_the_timeout_makes_one_service(emulator_factory, ansible_playbook, tmp_path, capsys):
    emulator = emulator_factory({"accounts": [account("6")]}, "--fault", "product=messaging method=POST path=/v1/Services latency-ms=%d" % (LATENCY * 1000))
    acc = emulator.seed["accounts"][0]
    book = playbook(tmp_path, {**auth_for(acc), "timeout": 1},
                    [clock("start"), task("Slow create", "messaging_service", {"friendly_name": "Slow", "usecase": "discussion"}), clock("end")])
    run = ansible_playbook(book, emulator)
    time.sleep(LATENCY + 0.5)  # a create still waiting in the emulator when the playbook ended is applied (and logged) by now
    run.requests = emulator.records()
    result = run.result("Slow create")
    assert run.rc == 0, run.stdout[-3000:]
    assert result["changed"] is True and result["service"]["friendly_name"] == "Slow"
    [state] = emulator.state()["accounts"].values()
    services = [s["sid"] for s in state["services"] if s["friendly_name"] == "Slow"]
    creates = [r for r in run.requests if r["method"] == "POST" and r["path"] == "/v1/Services"]
    lookups = [r for r in run.requests if r["method"] == "GET" and r["path"] == "/v1/Services"]
    assert services == [result["service"]["sid"]], "duplicates: %s" % services
    assert [(c["status"], c["response"]["sid"]) for c in creates] == [(201, services[0])]
    seconds = at(run, "end") - at(run, "start")
    with capsys.disabled():
        print("\n[transport] create answered after 2.5 s, timeout 1 s: %d create(s), %d look-ups, %d service(s), task %.1f s"
              % (len(creates), len(lookups) - 1, len(services), seconds))


# Item 8: a page link to another host.

class Recorder(BaseHTTPRequestHandler):
    """Another host: records every request it gets (with its headers) and answers an empty page."""

    seen: list[dict[str, Any]] = []

    def do_GET(self) -> None:  # pylint: disable=invalid-name
        Recorder.seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers.items())})
        body = json.dumps({"services": [], "meta": {"key": "services", "next_page_url": None}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # pylint: disable=redefined-builtin
        """Quiet."""


@pytest.fixture(name="other_host")
def fixture_other_host() -> Iterator[str]:
    Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_page_link_to_another_host_gets_no_request(emulator_factory, ansible_playbook, tmp_path, other_host, capsys):
    emulator = emulator_factory({"accounts": [account("8", services=[{"sid": MG1, "friendly_name": "Flex"}])]},
                                "--fault", "product=messaging method=GET path=/v1/Services next-page-url=" + other_host)
    acc = emulator.seed["accounts"][0]
    book = playbook(tmp_path, auth_for(acc), [
        task("List", "messaging_service_info", {}, ignore_errors=True),
        task("Look up by name", "messaging_service", {"friendly_name": "Flex"}, ignore_errors=True),
        task("Create", "messaging_service", {"friendly_name": "New"}, ignore_errors=True),
    ])
    run = ansible_playbook(book, emulator)
    port = other_host.rsplit(":", 1)[1]
    assert Recorder.seen == [], "the other host was sent %d request(s), %d with Authorization: %s" % (
        len(Recorder.seen), sum("Authorization" in r["headers"] for r in Recorder.seen), [r["path"] for r in Recorder.seen])
    for name in ("List", "Look up by name", "Create"):
        result = run.result(name)
        assert run.status(name) == "failed", result
        msg = result["msg"]
        assert msg.startswith("Failed to list messaging services: refused to send GET /messaging/v1/Services to %s: it is not the "
                              "configured host %s (api_url)" % (other_host, emulator.url)), msg
        assert result["error"]["host"] == "127.0.0.1" and port in result["error"]["url"]
        assert acc["auth_token"] not in json.dumps(result) and not no_python_text(msg)
    assert [r for r in run.requests if r["method"] != "GET"] == []  # nothing was created on a list cut short
    pages = [r for r in run.requests if r.get("fault") == "next-page-url"]
    assert len(pages) == 3 and all(r["response"]["meta"]["next_page_url"].startswith(other_host) for r in pages)
    with capsys.disabled():
        print("\n[transport] page links to %s: %d pages pointed there, %d requests it received, %d with Authorization; 3 of 3 tasks "
              "failed naming the host" % (other_host, len(pages), len(Recorder.seen), sum("Authorization" in r["headers"] for r in Recorder.seen)))


# Item 11: answers that are not Twilio's, and hosts that cannot be reached.

BAD_ANSWERS = [  # rule, task name, module, args, expected fragments of the message
    ("product=messaging method=GET path=/v1/Services html-200=1", "HTML 200", "messaging_service_info", {},
     ["Failed to list messaging services: the answer to GET {url}/messaging/v1/Services is not Twilio's: HTTP 200, "
      "text/html; charset=utf-8, a body that is not JSON (an HTML page)."]),
    ("product=messaging method=GET path=/v1/a2p/BrandRegistrations empty-200=1", "Empty 200", "a2p_brand_info", {},
     ["Failed to list A2P brands: the answer to GET {url}/messaging/v1/a2p/BrandRegistrations is not Twilio's: HTTP 200, "
      "application/json, an empty body."]),
    ("product=messaging method=GET path=/v1/Services/%s shape-200=1" % MG1, "Array 200", "messaging_service_info", {"sid": MG1},
     ["Failed to fetch messaging service %s: the answer to GET {url}/messaging/v1/Services/%s is not Twilio's: HTTP 200, "
      "application/json, a JSON array where Twilio sends an object." % (MG1, MG1)]),
    ("product=messaging method=GET path=/v1/Services/{Sid}/AlphaSenders shape-200=1", "Page without its list", "sender_pool",
     {"service": MG3, "alpha_senders": ["Acme"]},
     ["the answer to GET {url}/messaging/v1/Services/%s/AlphaSenders is not Twilio's: HTTP 200, application/json, "
      "a list page without its list 'alpha_senders'." % MG3]),
    ("product=messaging method=GET path=/v1/Services/%s html-401=1" % MG2, "HTML 401", "messaging_service", {"sid": MG2},
     ["Failed to fetch messaging service %s: the answer to GET {url}/messaging/v1/Services/%s is not Twilio's: HTTP 401, "
      "text/html; charset=utf-8, a body that is not JSON (an HTML page). " % (MG2, MG2) + CREDENTIALS_HINT]),
    ("product=api method=GET html-403=1", "HTML 403", "phone_number_info", {},
     ["the answer to GET {url}/api/2010-04-01/Accounts/AC%s/IncomingPhoneNumbers.json is not Twilio's: HTTP 403, "
      "text/html; charset=utf-8, a body that is not JSON (an HTML page). " % ("b" * 32) + CREDENTIALS_HINT]),
]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_bad_answers_and_unreachable_hosts_fail_clearly_and_fast(emulator_factory, ansible_playbook, tmp_path, capsys):
    rules = [arg for rule, *_rest in BAD_ANSWERS for arg in ("--fault", rule)]
    services = [{"sid": sid, "friendly_name": name} for sid, name in ((MG1, "Flex"), (MG2, "Two"), (MG3, "Three"))]
    emulator = emulator_factory({"accounts": [account("b", services=services)]}, *rules)
    acc = emulator.seed["accounts"][0]
    refused_url, unknown_url = "http://127.0.0.1:%d" % closed_port(), "http://nonexistent.invalid"
    tasks = [task(name, module, args, ignore_errors=True) for _rule, name, module, args, _expected in BAD_ANSWERS]
    tasks += [clock("before refused"), task("Refused", "messaging_service_info", {"api_url": refused_url}, ignore_errors=True),
              clock("before unknown"), task("Unknown name", "messaging_service_info", {"api_url": unknown_url}, ignore_errors=True),
              clock("after")]
    began = time.monotonic()
    run = ansible_playbook(playbook(tmp_path, auth_for(acc), tasks), emulator)
    wall = time.monotonic() - began
    problems = []
    for _rule, name, _module, _args, expected in BAD_ANSWERS:
        result = run.result(name)
        for fragment in expected:
            if fragment.format(url=emulator.url) not in result.get("msg", ""):
                problems.append("%s: %r lacks %r" % (name, result.get("msg"), fragment.format(url=emulator.url)))
        # Ansible 2.19 adds exception: "(traceback unavailable)" to every failure reported from an except block
        if run.status(name) != "failed" or result.get("exception", "(traceback unavailable)") != "(traceback unavailable)" \
                or no_python_text(result["msg"]) or "Traceback" in json.dumps(result):
            problems.append("%s: %s" % (name, result))
    timed = {"Refused": (refused_url, "connection refused", at(run, "before unknown") - at(run, "before refused")),
             "Unknown name": (unknown_url, "the name does not resolve", at(run, "after") - at(run, "before unknown"))}
    for name, (url, reason, seconds) in timed.items():
        msg = run.result(name).get("msg", "")
        if not msg.startswith("Failed to list messaging services: could not reach %s: %s" % (url, reason)) or no_python_text(msg):
            problems.append("%s: %r" % (name, msg))
        if seconds >= 10:
            problems.append("%s took %.1f s" % (name, float(seconds)))
    assert problems == [], "\n".join(problems)
    assert "Traceback" not in run.stdout + run.stderr
    assert [r for r in run.requests if r["method"] != "GET"] == []
    faults = sorted(r["fault"] for r in run.requests if "fault" in r)
    assert faults == ["empty-200", "html-200", "html-401", "html-403", "shape-200", "shape-200"]
    with capsys.disabled():
        print("\n[transport] %d bad answers (%s): each failed naming operation, path, status and content type, 0 Python texts; "
              "refused port %.1f s, unknown name %.1f s; playbook %.0f s"
              % (len(BAD_ANSWERS), ", ".join(faults), timed["Refused"][2], timed["Unknown name"][2], wall))
