"""No auth token or API key secret ever shows: every module and the role at -vvvv with --diff, succeeding and failing;
nor the personal data of the onboarding modules' options (emails, EIN, a representative's name and phone, the street,
a Campaign Verify token), which is searched everywhere but in the emulator's log (Twilio receives it and returns it in
its records), and in the errors the emulator answered.

Searched: stdout, stderr, every returned result (the harness records them), the emulator's request log and the files
the playbooks write (the audit report). Prints the occurrences found; docs/reliability.md quotes the figure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from harness import REPO, account
from rollout_kit import ROLLOUT, fleet_seed, write_inventory

AUDIT = REPO / "playbooks" / "audit.yml"
NUMBERS = [{"phone_number": "+1555000700%d" % i, "sid": "PN%032x" % (0x7000 + i), "sms_url": ""} for i in (1, 2)]
SECRETS = {"token": "tok-7c1f-SECRET-token-of-account-seven", "key": "ks-2b9e-SECRET-api-key-secret-seven",
           "wrong": "tok-0000-SECRET-not-the-right-token"}
# Personal data of the onboarding modules' options (no_log): searched like the secrets, given through the vars file.
ONBOARDING_PII = ["ops-seven.q7@example.com", "61-7293048", "Octavia", "Pemberton-Rusk", "+15557340707", "77 Quarry Bend Road",
                  "cv|1.0|tcr|10dlc|q7-seven-SECRET-token|SIG7"]
ONBOARDING = {"email": ONBOARDING_PII[0],
              "business": {"business_name": "Seven Co LLC", "business_type": "Corporation", "business_industry": "RETAIL",
                           "business_registration_identifier": "EIN", "business_registration_number": ONBOARDING_PII[1],
                           "business_identity": "direct_customer", "business_regions_of_operation": ["USA_AND_CANADA"],
                           "website_url": "https://example.com"},
              "representatives": [{"first_name": ONBOARDING_PII[2], "last_name": ONBOARDING_PII[3], "email": ONBOARDING_PII[0],
                                   "phone_number": ONBOARDING_PII[4], "business_title": "Owner", "job_position": "CEO"}],
              "address": {"customer_name": "Seven Co LLC", "street": ONBOARDING_PII[5], "city": "Springfield", "region": "IL",
                          "postal_code": "62704"},
              "vetting_id": ONBOARDING_PII[6]}
PROFILE = {"friendly_name": "Seven Co", "email": "{{ onboarding.email }}", "primary_profile_sid": "BU" + "1" * 32,
           "business": "{{ onboarding.business }}", "representatives": "{{ onboarding.representatives }}", "address": "{{ onboarding.address }}"}
ACCOUNT = account("7", auth_token=SECRETS["token"], api_keys=[{"sid": "SK" + "7" * 32, "secret": SECRETS["key"]}], phone_numbers=NUMBERS,
                  address_configurations=[{"type": "sms", "address": n["phone_number"], "sid": "IG" + n["sid"][2:]} for n in NUMBERS],
                  brands=[{"sid": "BN" + "7" * 32, "customer_profile_bundle_sid": "BU" + "7" * 32, "a2p_profile_bundle_sid": "BU" + "8" * 32,
                           "status": "APPROVED"}],
                  # Direct Brand Onboarding (issue 13): the ISV's primary profile and an approved secondary profile.
                  customer_profiles=[{"sid": "BU" + "1" * 32, "primary": True},
                                     {"sid": "BU" + "2" * 32, "friendly_name": "Seven Co seeded", "email": ONBOARDING_PII[0],
                                      "policy_sid": "RNdfbf3fae0e1107f8aded0e7cead80bf5"}])
CAMPAIGN = {"service": "Flex", "brand_registration_sid": "BN" + "7" * 32, "usecase": "CUSTOMER_CARE",
            "description": "Customer care conversations between Example Co agents and customers who wrote first.",
            "message_flow": "Customers text our published support number, or opt in on https://example.com/sms.",
            "message_samples": ["Hi Dana, this is Sam from Example Co support. Your replacement ships today.",
                                "Example Co: your case 4411 is resolved. Reply HELP for help, STOP to opt out."],
            "has_embedded_links": False, "has_embedded_phone": False}
# Every module once where it succeeds (creating and changing, so --diff has something to show) and once where it fails.
TASKS: list[tuple[str, dict[str, Any], bool]] = [
    ("messaging_service", {"friendly_name": "Flex", "use_inbound_webhook_on_number": True}, False),
    ("messaging_service", {"friendly_name": "External"}, False),
    ("sender_pool", {"service": "Flex", "phone_numbers": [n["phone_number"] for n in NUMBERS]}, False),
    ("a2p_brand", {"customer_profile_bundle_sid": "BU" + "7" * 32, "a2p_profile_bundle_sid": "BU" + "8" * 32}, False),
    ("a2p_brand", {"customer_profile_bundle_sid": "BU" + "5" * 32, "a2p_profile_bundle_sid": "BU" + "6" * 32}, False),
    ("a2p_campaign", CAMPAIGN, False),
    ("a2p_external_campaign", {"service": "External", "campaign_id": "CSEC001"}, False),
    ("messaging_service_info", {}, False),
    ("phone_number_info", {}, False),
    ("a2p_brand_info", {}, False),
    ("flex_routing_info", {"phone_numbers": [NUMBERS[0]["phone_number"]], "inbound_routing": "conversations"}, False),
    ("customer_profile", PROFILE, False),
    ("trust_product", {"friendly_name": "Seven Co A2P", "email": "{{ onboarding.email }}", "customer_profile_sid": "BU" + "2" * 32,
                       "company_type": "private", "brand_contact_email": "{{ onboarding.email }}"}, False),
    ("brand_vetting", {"brand_sid": "BN" + "7" * 32, "vetting_provider": "campaign-verify", "vetting_id": "{{ onboarding.vetting_id }}"}, False),
    ("messaging_service", {"sid": "MG" + "0" * 32, "friendly_name": "Gone"}, True),
    ("sender_pool", {"service": "Flex", "phone_numbers": ["+15559999999"]}, True),
    ("a2p_brand", {"customer_profile_bundle_sid": "BU12", "a2p_profile_bundle_sid": "BU" + "8" * 32}, True),
    ("a2p_campaign", {**CAMPAIGN, "usecase": "MARKETING"}, True),
    ("a2p_external_campaign", {"service": "Nowhere", "campaign_id": "CSEC001"}, True),
    ("messaging_service_info", {"sid": "MG12"}, True),
    ("phone_number_info", {"phone_numbers": ["555"]}, True),
    ("a2p_brand_info", {"sid": "BN12"}, True),
    ("flex_routing_info", {"phone_numbers": ["555"], "inbound_routing": "conversations"}, True),
    ("customer_profile", {**PROFILE, "primary_profile_sid": "BU" + "2" * 32}, True),
    ("trust_product", {"friendly_name": "Seven Co A2P", "email": "{{ onboarding.email }}", "customer_profile_sid": "BU" + "1" * 32,
                       "company_type": "private"}, True),
    ("brand_vetting", {"brand_sid": "BN" + "0" * 32, "vetting_provider": "campaign-verify", "vetting_id": "{{ onboarding.vetting_id }}"}, True),
]
AUTHS = {
    "auth token": {"account_sid": ACCOUNT["sid"], "auth_token": SECRETS["token"]},
    "API key": {"account_sid": ACCOUNT["sid"], "api_key_sid": "SK" + "7" * 32, "api_key_secret": SECRETS["key"]},
    "wrong token": {"account_sid": ACCOUNT["sid"], "auth_token": SECRETS["wrong"]},
}


def playbook(directory: Path, name: str, auth: dict[str, Any]) -> Path:
    """Every module in TASKS; credentials in a vars file, as users keep them (ansible-playbook quotes a failing task's source)."""
    (directory / ("%s-creds.yml" % name)).write_text(yaml.safe_dump({"twilio_auth": auth, "onboarding": ONBOARDING}), encoding="utf-8")
    tasks = [{"name": "%s %d" % (module, index), "tendlc.twilio." + module: args, "ignore_errors": True}
             for index, (module, args, _fails) in enumerate(TASKS)]
    play = {"name": "secrets", "hosts": "localhost", "connection": "local", "gather_facts": False,
            "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"}, "vars_files": [str(directory / ("%s-creds.yml" % name))],
            "module_defaults": {"group/tendlc.twilio.twilio": "{{ twilio_auth }}"}, "tasks": tasks}
    path = directory / ("%s.yml" % name)
    path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
    return path


def occurrences(texts: dict[str, str], secrets: list[str]) -> dict[str, int]:
    """Where any secret appears, and how often (empty when none does)."""
    found = {where: sum(text.count(secret) for secret in secrets) for where, text in texts.items()}
    return {where: count for where, count in found.items() if count}


def outputs(run: Any, label: str) -> dict[str, str]:
    return {label + " stdout": run.stdout, label + " stderr": run.stderr, label + " results": json.dumps(run.results)}


def test_no_secret_in_output_results_log_or_files(emulator_factory, ansible_playbook, tmp_path, capsys):
    emulator = emulator_factory({"accounts": [ACCOUNT]})
    texts: dict[str, str] = {}
    runs = {}
    for name, auth in AUTHS.items():
        run = ansible_playbook(playbook(tmp_path, name.replace(" ", "-"), auth), emulator, "-vvvv", "--diff")
        runs[name] = run
        texts.update(outputs(run, name))
    for name in ("auth token", "API key"):
        results = {r["task"]: r["status"] for r in runs[name].results}
        for index, (module, _args, fails) in enumerate(TASKS):
            assert results["%s %d" % (module, index)] == ("failed" if fails else "ok"), (name, module, index, runs[name].stdout[-3000:])
    assert all(r["status"] == "failed" for r in runs["wrong token"].results)
    assert "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" in runs["auth token"].stdout, "-vvvv did not show the modules' arguments"
    assert "--- before" in runs["auth token"].stdout or '"before"' in runs["auth token"].stdout, "--diff showed nothing"

    # The role and the audit on a small fleet whose inventory holds tokens and an API key secret, audit report written.
    fleet = fleet_seed(2)
    for index, acc in enumerate(fleet["accounts"]):
        acc["auth_token"] = "tok-%d-SECRET-fleet-token" % index
        acc["api_keys"][0]["secret"] = "ks-%d-SECRET-fleet-key" % index
    fleet_emulator = emulator_factory(fleet, "--campaign-approval-seconds", "0")
    inventory = write_inventory(tmp_path / "inventory", fleet)
    report_dir = tmp_path / "report"
    role_runs = {
        "role": ansible_playbook(ROLLOUT, fleet_emulator, "-i", str(inventory), "-vvvv", "--diff"),
        "audit": ansible_playbook(AUDIT, fleet_emulator, "-i", str(inventory), "-vvvv", "--diff", "-e", "audit_report_dir=%s" % report_dir),
    }
    for name, run in role_runs.items():
        assert run.rc == 0, (name, run.stdout[-3000:])
        texts.update(outputs(run, name))
    report_files = sorted(report_dir.iterdir())
    assert [f.name for f in report_files] == ["a2p-audit.html", "a2p-audit.json"]
    texts.update({"file " + f.name: f.read_text(encoding="utf-8") for f in report_files})
    texts.update({"emulator log": emulator.log_path.read_text(encoding="utf-8"), "fleet emulator log": fleet_emulator.log_path.read_text(encoding="utf-8")})

    secrets = list(SECRETS.values()) + [acc["auth_token"] for acc in fleet["accounts"]] + [acc["api_keys"][0]["secret"] for acc in fleet["accounts"]]
    found = occurrences(texts, secrets)
    # The onboarding's personal data is sent to Twilio, which returns it in its records: searched everywhere but the
    # emulator's log, and in the errors the emulator answered.
    answers = {"emulator errors": json.dumps([r.get("response") for r in emulator.records() if (r.get("status") or 0) >= 400])}
    found.update(occurrences({**{k: v for k, v in texts.items() if "emulator log" not in k}, **answers}, ONBOARDING_PII))
    secrets += ONBOARDING_PII
    with capsys.disabled():
        print("\n[secrets] %d secrets (auth tokens, API key secrets, a wrong token, the onboarding's personal data) searched in %d outputs, "
              "results, logs and files "
              "(%.1f MB, -vvvv --diff; %d module tasks x 3 credentials, the role and the audit): %d occurrences %s"
              % (len(secrets), len(texts), sum(len(t) for t in texts.values()) / 1e6, len(TASKS), sum(found.values()), found))
    assert found == {}
