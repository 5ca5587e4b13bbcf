"""Issue 9, item 4: the flex_a2p role checks every step before its first write, and stops with one message listing every
problem; a brand (billed, irreversible) is never registered before a later step's check fails. Real ansible-playbook
runs of playbooks/flex_a2p.yml against the emulator, three accounts in one inventory; writes counted per account."""

from __future__ import annotations

import yaml
from harness import account
from rollout_kit import CAMPAIGN, ROLLOUT, SERVICE

TWINS, CONFLICT, FRESH, NEWBAD = "8", "9", "6", "5"
NUMBERS = {char: [{"phone_number": "+1555%s00000%d" % (char, i), "sid": "PN%s%031x" % (char, i), "sms_url": ""} for i in (1, 2)]
           for char in (TWINS, CONFLICT, FRESH, NEWBAD)}
BUNDLES = {char: {"customer_profile_bundle_sid": "BU" + char * 32, "a2p_profile_bundle_sid": "BU" + char * 31 + "0"}
           for char in (TWINS, CONFLICT, FRESH, NEWBAD)}


def seed():
    return {"accounts": [
        # Two services share the role's service name; the brand's bundles have no brand yet (the role would register one).
        account(TWINS, phone_numbers=NUMBERS[TWINS], services=[{"friendly_name": SERVICE}, {"friendly_name": SERVICE}]),
        # The service exists; a listed number is in another service's pool; the campaign's use case is not open on it.
        account(CONFLICT, phone_numbers=NUMBERS[CONFLICT], brands=[{"sid": "BN" + CONFLICT * 32, **BUNDLES[CONFLICT]}],
                services=[{"friendly_name": SERVICE, "usecase": "discussion"}, {"friendly_name": "Marketing", "sid": "MG" + CONFLICT * 32}]),
        # Nothing yet but an approved brand: check mode must show the whole plan.
        account(FRESH, phone_numbers=NUMBERS[FRESH], brands=[{"sid": "BN" + FRESH * 32, **BUNDLES[FRESH]}]),
        # No service yet, and a campaign use case its (discussion) service will not accept: only known once it exists.
        account(NEWBAD, phone_numbers=NUMBERS[NEWBAD], brands=[{"sid": "BN" + NEWBAD * 32, **BUNDLES[NEWBAD]}]),
    ]}


def inventory(directory, acc_seed):
    hosts = {"twins": TWINS, "conflict": CONFLICT, "fresh": FRESH, "newbad": NEWBAD}
    (directory / "host_vars").mkdir(parents=True)
    (directory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": {host: None for host in hosts}}}), encoding="utf-8")
    accounts = {acc["sid"][2]: acc for acc in acc_seed["accounts"]}
    for host, char in hosts.items():
        host_vars = {
            "ansible_python_interpreter": "{{ ansible_playbook_python }}",
            "twilio_account_sid": accounts[char]["sid"], "twilio_auth_token": accounts[char]["auth_token"],
            "flex_a2p_service_name": SERVICE, "flex_a2p_service_usecase": "discussion", "flex_a2p_exclusive": True,
            "flex_a2p_phone_numbers": [n["phone_number"] for n in NUMBERS[char]],
            "flex_a2p_brand": BUNDLES[char], "flex_a2p_campaign": CAMPAIGN,
        }
        if char == CONFLICT:
            host_vars["flex_a2p_campaign"] = {**CAMPAIGN, "usecase": "2FA"}  # not on the list for this (discussion) service
        if char == NEWBAD:
            host_vars["flex_a2p_campaign"] = {**CAMPAIGN, "usecase": "MARKETING"}
        (directory / "host_vars" / ("%s.yml" % host)).write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return directory


def writes_of(run, char):
    return [w for w in run.writes if w.get("account_sid") == "AC" + char * 32]


def preflight_message(run, host):
    failures = [r["result"]["msg"] for r in run.results if r["host"] == host and r["status"] == "failed"]
    assert len(failures) == 1, run.stdout[-6000:]
    return failures[0]


def summary_of(run, host):
    [summary] = [r["result"]["ansible_facts"]["flex_a2p_summary"] for r in run.results
                 if r["host"] == host and r["task"].endswith("Summarise the account")]
    return summary


def test_every_problem_stops_the_role_before_its_first_write_and_check_mode_shows_the_whole_plan(emulator_factory, ansible_playbook, tmp_path):
    acc_seed = seed()
    emulator = emulator_factory(acc_seed)
    conflict = acc_seed["accounts"][1]
    # A listed number of the conflict account sits in its Marketing service's pool.
    marketing_pool = ansible_playbook(_pool_playbook(tmp_path, conflict), emulator)
    assert marketing_pool.rc == 0, marketing_pool.stdout
    hosts = inventory(tmp_path / "inventory", acc_seed)

    planned = ansible_playbook(ROLLOUT, emulator, "-i", str(hosts), "--check", "--diff")
    really = ansible_playbook(ROLLOUT, emulator, "-i", str(hosts))
    for run in (planned, really):
        twins = preflight_message(run, "twins")
        assert twins.startswith("flex_a2p: nothing was changed; the preflight found 1 problem(s): messaging service: ")
        assert "2 messaging services of account AC%s have this name" % (TWINS * 32) in twins
        conflict_msg = preflight_message(run, "conflict")
        assert "the preflight found 2 problem(s)" in conflict_msg
        assert "sender pool: " in conflict_msg and "is in the pool of messaging service MG%s" % (CONFLICT * 32) in conflict_msg
        assert "campaign: usecase='2FA'" in conflict_msg
        assert writes_of(run, TWINS) == [] and writes_of(run, CONFLICT) == []
    twins_state = emulator.state()["accounts"]["AC" + TWINS * 32]
    assert not twins_state.get("brands"), "a brand was registered before the preflight failed"

    assert writes_of(planned, FRESH) == []
    plan, done = summary_of(planned, "fresh"), summary_of(really, "fresh")
    assert sorted(plan["added"]) == sorted(n["phone_number"] for n in NUMBERS[FRESH])
    for key in ("added", "removed", "moved", "pool_size", "service_changed", "brand_sid", "brand_status"):
        assert plan[key] == done[key], key
    assert plan["service_sid"] == "" and done["service_sid"].startswith("MG")
    campaign_plans = [r["result"]["campaign"] for r in planned.results if r["host"] == "fresh"
                      and r["task"].endswith("Plan every step in check mode, in one module run") and not r["result"]["campaign"].get("skipped")]
    assert len(campaign_plans) == 1, [(r["task"], r["status"], r["result"].get("msg")) for r in planned.results if r["host"] == "fresh"]
    [campaign_plan] = campaign_plans
    assert campaign_plan["changed"] is True and campaign_plan["campaign"]["us_app_to_person_usecase"] == CAMPAIGN["usecase"]
    assert [w["path"].rsplit("/", 1)[-1] for w in writes_of(really, FRESH) if w["method"] == "POST"] == ["Services", "PhoneNumbers", "PhoneNumbers", "Usa2p"]

    # The new service's use case is known only once it exists: the service is created, the campaign planned again, and
    # the role stops before the pool and anything billed.
    assert writes_of(planned, NEWBAD) == []
    newbad = preflight_message(really, "newbad")
    assert newbad.startswith("flex_a2p: only the messaging service was written (nothing billed, no number added or removed); the preflight "
                             "found 1 problem(s): campaign: usecase='MARKETING'")
    assert [(w["method"], w["path"].rsplit("/", 1)[-1]) for w in writes_of(really, NEWBAD)] == [("POST", "Services")]


def _pool_playbook(directory, acc):
    number = NUMBERS[CONFLICT][1]["phone_number"]
    play = {"hosts": "localhost", "connection": "local", "gather_facts": False,
            "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
            "tasks": [{"name": "Marketing holds a Flex number", "tendlc.twilio.sender_pool": {
                "account_sid": acc["sid"], "auth_token": acc["auth_token"], "service": "Marketing", "phone_numbers": [number]}}]}
    path = directory / "marketing.yml"
    path.write_text(yaml.safe_dump([play]), encoding="utf-8")
    return path
