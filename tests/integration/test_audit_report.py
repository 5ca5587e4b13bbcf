"""The audit report a Flex admin acts on: the real audit playbook, run as an installed collection's playbook from a directory
of its own, against the emulator's example accounts (with their hand-made drift), and the HTML rendered by headless Chromium.

One check-mode audit run, on the example seed with a Toronto number whose friendly name holds an email address: the report
names each account (SID and friendly name), lists the pool's numbers, the campaign's
use case, TCR ID, status and dates and the brand's status; every finding has a next step; voice-only numbers are not
unregistered, the toll-free number is its own finding, the UK number is listed as out of scope; before a rollout it says
which numbers the rollout would leave unregistered and that registering a campaign costs a fee and takes days. It lands in
./a2p-audit of the directory the playbook runs in (not inside the collection), and holds no secret and no email address; the
Toronto number is out of scope, not an unregistered sender. A second run, limited to one account with a wrong token, names that
account's failure and the other accounts as not in the run.
"""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml
from harness import REPO, playbook_invocation

INVENTORY = REPO / "playbooks" / "inventory"
DRIFT = REPO / "playbooks" / "emulator" / "drift.yml"
SEED = yaml.safe_load((REPO / "playbooks" / "emulator" / "seed.yml").read_text(encoding="utf-8"))
STAGING, EAST, WEST = SEED["accounts"]
TORONTO = {"phone_number": "+14165550123", "sid": "PN9e0e0000000000000000000000000007", "friendly_name": "Toronto desk mary@example.org"}
CHROMIUM = Path("/usr/bin/chromium")
# Appended to a copy of the report: replaces the page by the text Chromium lays out (innerText), so the test reads what
# a person sees, not the markup.
RENDERED_TEXT = ('<script>const text = document.body.innerText; document.body.textContent = ""; const pre = document.createElement("pre");'
                 'pre.id = "rendered-text"; pre.textContent = text; document.body.appendChild(pre);</script>')


def run_in(directory: Path, emulator, playbook: str, *args: str):
    """ansible-playbook run in ``directory`` (its working directory), with the collection on its path; (rc, stdout, requests)."""
    before = len(emulator.records())
    command, env = playbook_invocation(playbook, emulator, directory / "results.jsonl", *args)
    proc = subprocess.run(command, env=env, cwd=directory, capture_output=True, text=True, timeout=600, check=False)
    return proc.returncode, proc.stdout + proc.stderr, emulator.records()[before:]


def rendered_text(report: Path) -> str:
    """The report's text as headless Chromium renders it."""
    assert CHROMIUM.exists(), ("%s is missing: the rendered-report test needs Chromium (Debian: apt-get install -y chromium; "
                               "the test setup of scripts/setup installs it)" % CHROMIUM)
    page = report.with_name("rendered.html")
    page.write_text(report.read_text(encoding="utf-8").replace("</body>", RENDERED_TEXT + "</body>"), encoding="utf-8")
    proc = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="rendered-text">(.*?)</pre>', proc.stdout, re.S)
    assert proc.returncode == 0 and found, "chromium did not render %s: rc %d, %s" % (page, proc.returncode, proc.stderr[-2000:])
    return html.unescape(found.group(1))


def by_account(data):
    return {a["account"]: a for a in data["accounts"]}


def test_audit_report(emulator_factory, ansible_playbook, tmp_path):
    seed = copy.deepcopy(SEED)
    seed["accounts"][2]["phone_numbers"].append(TORONTO)
    emulator = emulator_factory(seed, "--campaign-approval-seconds", "0")
    assert ansible_playbook(DRIFT, emulator, "-i", str(INVENTORY)).rc == 0
    workdir = tmp_path / "ops"
    workdir.mkdir()
    rc, output, requests = run_in(workdir, emulator, "tendlc.twilio.audit", "-i", str(INVENTORY), "--check")
    assert rc == 0, output[-4000:]
    assert [r for r in requests if r["method"] in ("POST", "DELETE")] == []

    # Where the report lands: ./a2p-audit of the working directory, with the collection's own template.
    report_dir = workdir / "a2p-audit"
    assert sorted(p.name for p in report_dir.iterdir()) == ["a2p-audit.html", "a2p-audit.json"], output[-3000:]
    assert "report: %s/a2p-audit.html" % report_dir.resolve() in output
    data = json.loads((report_dir / "a2p-audit.json").read_text(encoding="utf-8"))
    accounts = by_account(data)
    staging, east, west = (accounts[name] for name in ("staging-us", "production-east", "production-west"))

    # Each account named: inventory name, SID, friendly name (not readable with production-east's Standard API key).
    assert (staging["twilio_account"]["sid"], staging["twilio_account"]["friendly_name"]) == (STAGING["sid"], STAGING["friendly_name"])
    assert (west["twilio_account"]["sid"], west["twilio_account"]["friendly_name"]) == (WEST["sid"], WEST["friendly_name"])
    assert east["twilio_account"]["sid"] == EAST["sid"] and east["twilio_account"]["friendly_name"] is None
    assert "Standard API key" in east["twilio_account"]["note"]
    account_reads = [r for r in requests if r["path"].endswith("/Accounts/%s.json" % r["account_sid"])]
    assert sorted((r["account_sid"], r["status"]) for r in account_reads) == sorted(
        [(STAGING["sid"], 200), (EAST["sid"], 401), (WEST["sid"], 200)])

    # Every finding has a kind and a next step.
    for account in data["accounts"]:
        assert account["findings"], account["account"]
        for found in account["findings"]:
            assert set(found) == {"kind", "text", "next_step"} and found["next_step"].strip(), found

    # What A2P 10DLC covers: voice-only is no sender, toll-free its own finding, the UK number out of scope.
    unregistered = [s["phone_number"] for s in west["unregistered_senders"]]
    assert unregistered == ["+15550300002"]
    assert [n["phone_number"] for n in west["not_senders"]] == ["+15550300004"]
    assert [n["phone_number"] for n in west["toll_free"]] == ["+18885550100"]
    [toll_free] = [f for f in west["findings"] if f["kind"] == "toll_free"]
    assert toll_free["text"] == "+18885550100 is toll-free: it needs toll-free verification, not an A2P campaign; it has no toll-free verification"
    assert toll_free["next_step"].startswith("submit a Toll-Free Verification for +18885550100")
    assert [(n["phone_number"], n["sender_class"]) for n in west["out_of_scope"]] == [("+447700900301", "non_us"), ("+14165550123", "nanp_non_us")]
    assert {n["phone_number"]: n["friendly_name"] for n in west["numbers"]}["+14165550123"] == "Toronto desk (email hidden)"
    assert not any(number in found["text"] for found in west["findings"] for number in ("+15550300004", "+447700900301", "+14165550123"))
    for account in data["accounts"]:
        for found in account["findings"]:
            assert "re-run" not in found["next_step"] and "said above" not in found["next_step"], found

    # The drifted account: its routing is broken (the service does not defer), with the rollout as the fix.
    broken = {b["phone_number"]: b for b in west["routing"]["broken"]}
    assert "+15550300001" in broken and broken["+15550300001"]["service_problem"]
    [routing] = [f for f in west["findings"] if f["kind"] == "routing" and f["text"].startswith("+15550300001")]
    assert routing["next_step"] == "run the rollout (playbooks/flex_a2p.yml), which makes the Flex service defer to the webhook of +15550300001"

    # The pool's numbers, the campaign and the brand.
    assert (west["pool"]["numbers"], west["pool"]["numbers_after"]) == (["+15550300001", "+15550300003"], ["+15550300001", "+15550300002"])
    campaign = west["campaign"]
    assert (campaign["status"], campaign["usecase"]) == ("VERIFIED", "CUSTOMER_CARE")
    assert re.match(r"^C[A-Z0-9]{6}$", campaign["campaign_id"]) and campaign["date_created"] and campaign["date_updated"]
    assert (west["brand"]["status"], west["brand"]["identity_status"]) == ("APPROVED", "VERIFIED")

    # Before a rollout: what it would leave unregistered, and what registering a campaign costs.
    assert west["before_rollout"]["leaves_unregistered"] == ["+15550300003"] and west["before_rollout"]["registers_campaign"] is False
    for account in (staging, east):
        assert account["before_rollout"]["registers_campaign"] is True and "$15" in account["before_rollout"]["cost"]
        assert any(f["kind"] == "cost" and "fee" in f["text"] and "days" in f["text"] for f in account["findings"])

    # No secret, no personal data: tokens, key secrets, the emulator's stand-in for the account's auth token, email addresses.
    files = {p.name: p.read_text(encoding="utf-8") for p in report_dir.iterdir()}
    secrets = [a["auth_token"] for a in SEED["accounts"]] + [k["secret"] for a in SEED["accounts"] for k in a["api_keys"]]
    secrets.append("emulator-does-not-return-auth-tokens")
    assert [(name, s) for name, text in files.items() for s in secrets if s in text] == []
    assert not re.search(r"[^@\s\"]+@[^@\s\"]+\.[a-z]{2,}", files["a2p-audit.json"] + files["a2p-audit.html"])

    # The page as Chromium renders it: verdicts, accounts, numbers, next steps, the cost, what is out of scope.
    text = rendered_text(report_dir / "a2p-audit.html")
    for account in (STAGING, EAST, WEST):
        assert account["sid"] in text
    for name in (STAGING["friendly_name"], WEST["friendly_name"], "production-east", "friendly name not shown"):
        assert name in text
    for number in ("+15550100003", "+15550200004", "+15550300003", "+15550300004", "+18885550100", "+447700900301"):
        assert number in text
    for account in data["accounts"]:
        for found in account["findings"]:
            assert found["text"] in text and "Next step: " + found["next_step"] in text, found
    assert "Before you run a rollout" in text and "$15" in text and "out of scope of A2P 10DLC: +447700900301" in text
    assert "DRIFT" in text and "no SMS: not a sender" in text and "toll-free: needs toll-free verification" in text
    assert "+14165550123" in text and "non-US (+1, Canada/Caribbean): out of scope of A2P 10DLC" in text and "Toronto desk (email hidden)" in text
    assert (data["unaudited"], data["failed"], data["not_in_this_run"]) == ([], {}, [])
    shutil.rmtree(report_dir)

    # Limited to one account whose token is wrong: the report names its failure, and the others as not in this run.
    limit = ("--check", "--limit", "production-west", "-e", "twilio_auth_token=wrong-token")
    rc, output, _requests = run_in(workdir, emulator, "tendlc.twilio.audit", "-i", str(INVENTORY), *limit)
    assert rc != 0, output[-3000:]
    limited = json.loads((report_dir / "a2p-audit.json").read_text(encoding="utf-8"))
    assert limited["accounts"] == [] and limited["not_in_this_run"] == ["staging-us", "production-east"]
    assert list(limited["failed"]) == ["production-west"] and "20003" in limited["failed"]["production-west"], limited["failed"]
    assert "production-west: NOT AUDITED (its audit failed, see the report)" in output
    assert "staging-us: not in this run (--limit)" in output and "the play failed" not in output
    text = rendered_text(report_dir / "a2p-audit.html")
    assert "the audit failed: " + limited["failed"]["production-west"] in text
    assert "not in this run (--limit): staging-us, production-east" in text and "wrong-token" not in text
