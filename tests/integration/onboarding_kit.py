"""Direct Brand Onboarding tests: an empty account (numbers and the ISV's approved primary profile), its inventory, and
what the onboarding made.

The onboarding data is made up (example.com addresses, 555 numbers, a fake EIN); PII lists the values that must never
show in output, results, diffs, reports or the emulator's answers.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any

import yaml
from harness import REPO, Emulator, Run, account
from rollout_kit import CAMPAIGN, SERVICE

ONBOARD = REPO / "playbooks" / "onboard.yml"
ROLLOUT = REPO / "playbooks" / "flex_a2p.yml"
AUDIT = REPO / "playbooks" / "audit.yml"
HOST = "example-co"
PRIMARY_SID = "BU" + "9" * 32
SECONDARY_POLICY = "RNdfbf3fae0e1107f8aded0e7cead80bf5"
A2P_POLICY = "RNb0d4771c2c98518d916a3d4cd70a8f8b"
PRIMARY_EMAIL = "isv-compliance.primary@example.com"

# The values PII below is made of: each distinctive enough that finding it anywhere is a leak, not a coincidence.
EIN = "87-4190362"
PROFILE_EMAIL = "compliance.q7@example.com"
REP_EMAILS = ("thaddeus.quillfeather@example.com", "marisol.vantongeren@example.com")
REP_PHONES = ("+15557340191", "+15557340282")
REP_NAMES = ("Thaddeus", "Quillfeather", "Marisol", "Vantongeren")
STREET = "4417 Juniper Orchard Lane"
BRAND_CONTACT_EMAIL = "brand-desk.q7@example.com"
# A Campaign Verify token (political campaigns): secret like a password (vetting_id is no_log).
VETTING_ID = "cv|1.0|tcr|10dlc|7e3f0c2a-51d4-4c0e-q7q7-token|SIGq7EXAMPLEtoken"
PII = [EIN, EIN.replace("-", ""), PROFILE_EMAIL, *REP_EMAILS, *REP_PHONES, *REP_NAMES, STREET, BRAND_CONTACT_EMAIL, PRIMARY_EMAIL,
       VETTING_ID, VETTING_ID.split("|")[4]]

NUMBERS = [{"phone_number": "+1555060000%d" % i, "sid": "PN%032x" % (0x6000 + i), "sms_url": ""} for i in (1, 2)]
# Accepted values: https://www.twilio.com/docs/trust-hub/trusthub-rest-api/api-create-secondary-customer-profile
BUSINESS = {
    "business_name": "Example Co Logistics LLC",
    "business_type": "Limited Liability Corporation",
    "business_industry": "TRANSPORTATION",
    "business_registration_identifier": "EIN",
    "business_registration_number": EIN,
    "business_identity": "direct_customer",
    "business_regions_of_operation": ["USA_AND_CANADA"],
    "website_url": "https://example.com",
    "social_media_profile_urls": "https://example.com/social",
}
REPRESENTATIVES = [
    {"first_name": REP_NAMES[0], "last_name": REP_NAMES[1], "email": REP_EMAILS[0], "phone_number": REP_PHONES[0],
     "business_title": "Head of Support", "job_position": "Director"},
    {"first_name": REP_NAMES[2], "last_name": REP_NAMES[3], "email": REP_EMAILS[1], "phone_number": REP_PHONES[1],
     "business_title": "Operations Lead", "job_position": "VP"},
]
ADDRESS = {"customer_name": "Example Co Logistics LLC", "street": STREET, "city": "Springfield", "region": "IL",
           "postal_code": "62704", "iso_country": "US"}
PROFILE_NAME = "Example Co Logistics"
VETTING = {"provider": "campaign-verify", "vetting_id": VETTING_ID}


def onboarding(wait: bool = True, **changes: Any) -> dict[str, Any]:
    """The flex_a2p_onboarding variable: the secondary profile, its A2P trust product, a low-volume standard brand, and
    (with vetting=VETTING) a Campaign Verify vetting."""
    value = {
        "primary_profile_sid": PRIMARY_SID,
        "profile": {"friendly_name": PROFILE_NAME, "email": PROFILE_EMAIL, "business": BUSINESS, "representatives": REPRESENTATIVES,
                    "address": ADDRESS},
        "trust_product": {"company_type": "private", "brand_contact_email": BRAND_CONTACT_EMAIL},
        "brand": {"brand_type": "STANDARD", "skip_automatic_sec_vet": True},
        "wait": wait,
    }
    value.update(changes)
    return value


def primary_profile(status: str = "twilio-approved") -> dict[str, Any]:
    """The ISV's primary customer profile (made in the Console)."""
    return {"sid": PRIMARY_SID, "friendly_name": "Example ISV primary", "email": PRIMARY_EMAIL, "primary": True, "status": status}


def onboarding_account(char: str = "6", **extra: Any) -> dict[str, Any]:
    """An empty account: numbers (each with a Conversations address configuration) and the approved primary profile, nothing else."""
    numbers = [{**n, "sid": n["sid"][:-4] + char * 2 + n["sid"][-2:]} for n in NUMBERS]
    extra.setdefault("customer_profiles", [primary_profile()])
    return account(char, phone_numbers=numbers,
                   address_configurations=[{"type": "sms", "address": n["phone_number"], "sid": "IG" + n["sid"][2:]} for n in numbers], **extra)


def seed(*accounts: dict[str, Any]) -> dict[str, Any]:
    return {"accounts": list(accounts) or [onboarding_account()]}


def timers(review: float = 2, brand: float = 1, campaign: float = 1) -> list[str]:
    """Emulator options: every review settles after these many seconds."""
    return ["--trusthub-review-seconds", str(review), "--brand-approval-seconds", str(brand), "--campaign-approval-seconds", str(campaign)]


# Waits poll every second (the modules' minimum); timeouts small enough that a stuck review fails the test fast.
WAIT_VARS = {"flex_a2p_onboarding_poll_interval": 1, "flex_a2p_onboarding_wait_timeout": 60, "flex_a2p_wait_for_campaign": True,
             "flex_a2p_campaign_poll_interval": 1, "flex_a2p_campaign_wait_timeout": 60}


def write_inventory(directory: Path, the_seed: dict[str, Any], hosts: dict[str, dict[str, Any]] | None = None, **group_vars: Any) -> Path:
    """An inventory of one host per seed account (HOST for the first, else account-N): credentials, numbers and the onboarding.

    hosts: per host, host variables over the default ones (a value None drops the variable).
    """
    names = [HOST] + ["account-%d" % i for i in range(2, len(the_seed["accounts"]) + 1)]
    (directory / "host_vars").mkdir(parents=True)
    (directory / "group_vars").mkdir()
    (directory / "hosts.yml").write_text(yaml.safe_dump({"twilio_accounts": {"hosts": {name: None for name in names}}}), encoding="utf-8")
    common = {
        "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        "flex_a2p_service_name": SERVICE,
        "flex_a2p_service_usecase": "discussion",
        "flex_a2p_inbound_routing": "conversations",
        "flex_a2p_campaign": CAMPAIGN,
        "flex_a2p_onboarding": onboarding(),
        **WAIT_VARS,
        **group_vars,
    }
    (directory / "group_vars" / "twilio_accounts.yml").write_text(yaml.safe_dump(common), encoding="utf-8")
    for name, acc in zip(names, the_seed["accounts"]):
        host_vars = {"twilio_account_sid": acc["sid"], "twilio_auth_token": acc["auth_token"],
                     "flex_a2p_phone_numbers": [n["phone_number"] for n in acc["phone_numbers"]], **(hosts or {}).get(name, {})}
        host_vars = {key: value for key, value in host_vars.items() if value is not None}
        (directory / "host_vars" / ("%s.yml" % name)).write_text(yaml.safe_dump(host_vars), encoding="utf-8")
    return directory


# --- what the emulator holds ------------------------------------------------------------------------------------------

TRUSTHUB_KINDS = ("customer_profiles", "trust_products", "end_users", "supporting_documents", "addresses", "brands", "brand_vettings",
                  "campaigns", "services")


def live(emulator: Emulator, acc: dict[str, Any]) -> dict[str, Any]:
    return emulator.state()["accounts"][acc["sid"]]


def counts(emulator: Emulator, acc: dict[str, Any]) -> dict[str, int]:
    """How many of each onboarding resource the account holds (the seeded primary profile included)."""
    state = live(emulator, acc)
    return {kind: len(state.get(kind) or []) for kind in TRUSTHUB_KINDS}


def duplicates(emulator: Emulator, acc: dict[str, Any]) -> dict[str, list[str]]:
    """Resources made twice: bundles and end users by friendly name, addresses by street, brands by their bundles."""
    state = live(emulator, acc)

    def twice(kind: str, key: Any) -> list[str]:
        found = collections.Counter(key(item) for item in state.get(kind) or [])
        return sorted(str(name) for name, n in found.items() if n > 1)

    return {kind: problems for kind, problems in {
        "customer_profiles": twice("customer_profiles", lambda b: b.get("friendly_name")),
        "trust_products": twice("trust_products", lambda b: b.get("friendly_name")),
        "end_users": twice("end_users", lambda e: (e.get("type"), e.get("friendly_name"))),
        "supporting_documents": twice("supporting_documents", lambda d: (d.get("type"), d.get("friendly_name"))),
        "addresses": twice("addresses", lambda a: (a.get("customer_name"), a.get("city"))),
        "brands": twice("brands", lambda b: (b.get("customer_profile_bundle_sid"), b.get("a2p_profile_bundle_sid"))),
        "campaigns": twice("campaigns", lambda c: c.get("messaging_service_sid")),
    }.items() if problems}


def writes(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["method"], r["path"]) for r in records if r["method"] in ("POST", "DELETE")]


def submissions(records: list[dict[str, Any]]) -> list[str]:
    """The paths of the requests that submitted a bundle for review (Status=pending-review)."""
    return [r["path"] for r in records if r["method"] == "POST" and (r.get("form") or {}).get("Status") == "pending-review"]


def pii_found(texts: dict[str, str], extra: list[str] | None = None) -> dict[str, list[str]]:
    """Where any PII value shows: {where: [values]} (empty when none does)."""
    values = PII + (extra or [])
    found = {where: sorted({v for v in values if v in text}) for where, text in texts.items()}
    return {where: shown for where, shown in found.items() if shown}


def outputs(run: Run, label: str) -> dict[str, str]:
    """A run's stdout, stderr and recorded results, for pii_found."""
    return {label + " stdout": run.stdout, label + " stderr": run.stderr, label + " results": json.dumps(run.results)}


def answers(records: list[dict[str, Any]]) -> str:
    """The emulator's error answers as logged (what the modules received), to search for PII echoed in error messages."""
    return json.dumps([r.get("response") for r in records if (r.get("status") or 0) >= 400])


def report(capsys: Any, tag: str, line: str) -> None:
    with capsys.disabled():
        print("\n[%s] %s" % (tag, line))


def module_results(run: Run, key: str, host: str = HOST) -> list[dict[str, Any]]:
    """The results of host's tasks that returned key (e.g. "customer_profile"), in order; skipped tasks left out."""
    return [r["result"] for r in run.results if r["host"] == host and r["status"] != "skipped" and key in r["result"]]


def failed_tasks(run: Run) -> list[tuple[str, str, str]]:
    """(host, task, msg) of every failed task (ignored ones included)."""
    return [(r["host"], r["task"], str(r["result"].get("msg", ""))) for r in run.results if r["status"] == "failed"]


def onboarding_summary(run: Run, host: str = HOST) -> dict[str, Any]:
    """The last flex_a2p_onboarding_summary fact the run set for host ({} when none)."""
    found = [r["result"]["ansible_facts"]["flex_a2p_onboarding_summary"] for r in run.results
             if r["host"] == host and "flex_a2p_onboarding_summary" in (r["result"].get("ansible_facts") or {})]
    return found[-1] if found else {}


def action(step: dict[str, Any]) -> str:
    """What the onboarding did of a summary step (status-R.md calls it action; the role's summary says done)."""
    return step.get("action", step.get("done", ""))


def first_seen(records: list[dict[str, Any]], sid: str, status: str) -> int | None:
    """Index of the first answer showing resource sid with this status (None when none did)."""
    for index, record in enumerate(records):
        body = record.get("response")
        items = [body] if isinstance(body, dict) else []
        for value in (body or {}).values() if isinstance(body, dict) else []:
            if isinstance(value, list):
                items += [item for item in value if isinstance(item, dict)]
        if any(item.get("sid") == sid and status in (item.get("status"), item.get("campaign_status")) for item in items):
            return index
    return None
