"""Direct Brand Onboarding as code (issue 13), on an empty account: numbers and the ISV's approved primary customer profile.

- --check --diff: every onboarding step is reported (profile, trust product, brand and vetting planned, the fees said),
  zero writes.
- playbooks/onboard.yml then playbooks/flex_a2p.yml, every review settled by the emulator's timers and waited for: a
  secondary profile, its A2P trust product, the brand of the two and its Campaign Verify vetting, then the service,
  the pool and a VERIFIED campaign on that brand; the same two playbooks again make zero writes; the audit (check mode)
  reports each step with its status.
- Every run at -vvvv --diff: no PII (EIN, emails, representatives' names and phone numbers, the street, the vetting
  token) in stdout, stderr, the results, the audit report's files, nor in any error the emulator answered.
Prints requests, writes and seconds per run.
"""

from __future__ import annotations

import json
import time

from onboarding_kit import (A2P_POLICY, action, AUDIT, HOST, ONBOARD, PRIMARY_SID, PROFILE_NAME, ROLLOUT, SECONDARY_POLICY, SERVICE, VETTING,
                            answers, counts, duplicates, first_seen, live, module_results, onboarding, onboarding_summary, outputs,
                            pii_found, report, seed, submissions, timers, write_inventory)

VERBOSE = ("-vvvv", "--diff")


def tail(run) -> str:
    return (run.stdout + run.stderr)[-4000:]


def test_check_mode_on_an_empty_account_plans_every_step_and_writes_nothing(emulator_factory, ansible_playbook, tmp_path, capsys):
    the_seed = seed()
    emulator = emulator_factory(the_seed, *timers())
    inventory = write_inventory(tmp_path / "inventory", the_seed, flex_a2p_onboarding=onboarding(vetting=VETTING))
    started = time.monotonic()
    run = ansible_playbook(ONBOARD, emulator, "-i", str(inventory), "--check", *VERBOSE)
    seconds = time.monotonic() - started
    report(capsys, "onboarding-check", "--check on an empty account: rc %d, %d requests, %d writes, %.1f s"
           % (run.rc, len(run.requests), len(run.writes), seconds))
    assert run.rc == 0, tail(run)
    assert run.writes == []

    summary = onboarding_summary(run)
    assert summary.get("check_mode") is True, summary
    steps = summary["steps"]
    assert (action(steps["profile"]), action(steps["trust_product"]), action(steps["brand"])) == ("planned",) * 3, steps
    assert action(steps["vetting"]) == "planned" and "fee" in summary["line"], summary  # the brand and the vetting cost fees: said so
    assert not steps["profile"].get("sid") and not steps["trust_product"].get("sid"), steps
    [profile] = module_results(run, "customer_profile")
    assert profile["changed"] is True and profile["customer_profile"]["status"] == "draft" and not profile["customer_profile"].get("sid"), profile
    assert profile["customer_profile"]["friendly_name"] == PROFILE_NAME and "email" not in profile["customer_profile"]
    # The trust product needs the profile's SID: on an empty account it is planned in the summary, its module may not run.
    for trust in module_results(run, "trust_product"):
        assert trust["changed"] is True and trust["trust_product"]["status"] == "draft" and not trust["trust_product"].get("sid"), trust
    assert pii_found({**outputs(run, "check"), "emulator errors": answers(emulator.records())}) == {}


def test_empty_account_reaches_a_verified_campaign_then_a_rerun_writes_nothing(emulator_factory, ansible_playbook, tmp_path, capsys):
    the_seed = seed()
    [acc] = the_seed["accounts"]
    emulator = emulator_factory(the_seed, *timers())
    inventory = write_inventory(tmp_path / "inventory", the_seed, flex_a2p_onboarding=onboarding(vetting=VETTING))
    report_dir = tmp_path / "report"
    runs, seconds = {}, {}

    def run(name, playbook, *args):
        started = time.monotonic()
        runs[name] = ansible_playbook(playbook, emulator, "-i", str(inventory), *args)
        seconds[name] = time.monotonic() - started
        report(capsys, "onboarding", "%s: rc %d, %d requests, %d writes, %.1f s"
               % (name, runs[name].rc, len(runs[name].requests), len(runs[name].writes), seconds[name]))
        assert runs[name].rc == 0, (name, tail(runs[name]))
        return runs[name]

    onboard = run("onboard", ONBOARD, *VERBOSE)
    state = live(emulator, acc)
    [profile] = [p for p in state["customer_profiles"] if p["sid"] != PRIMARY_SID]
    [trust] = state["trust_products"]
    [brand] = state["brands"]
    assert (profile["policy_sid"], profile["status"], profile["friendly_name"]) == (SECONDARY_POLICY, "twilio-approved", PROFILE_NAME)
    assert (trust["policy_sid"], trust["status"], trust["friendly_name"]) == (A2P_POLICY, "twilio-approved", PROFILE_NAME + " A2P")
    assert (brand["customer_profile_bundle_sid"], brand["a2p_profile_bundle_sid"], brand["status"]) == (profile["sid"], trust["sid"], "APPROVED")
    [vetting] = state["brand_vettings"]
    assert (vetting["vetting_provider"], vetting["vetting_status"]) == ("campaign-verify", "SUCCESS"), vetting
    made = counts(emulator, acc)
    assert {k: made[k] for k in ("customer_profiles", "trust_products", "end_users", "supporting_documents", "addresses", "brands")} == {
        "customer_profiles": 2, "trust_products": 1, "end_users": 4, "supporting_documents": 1, "addresses": 1, "brands": 1}, made

    # Order: the profile submitted before the trust product exists; the brand (a fee) only once both bundles were approved.
    records = onboard.requests
    posts = [(i, r["path"]) for i, r in enumerate(records) if r["method"] == "POST"]
    first_post = {path: i for i, path in reversed(posts)}
    assert submissions(records) == ["/v1/CustomerProfiles/" + profile["sid"], "/v1/TrustProducts/" + trust["sid"]]
    submitted = [i for i, r in enumerate(records) if r["method"] == "POST" and r["form"].get("Status") == "pending-review"]
    assert submitted[0] < first_post["/v1/TrustProducts"], posts
    brand_post = first_post["/v1/a2p/BrandRegistrations"]
    for sid in (profile["sid"], trust["sid"]):
        seen = first_seen(records, sid, "twilio-approved")
        assert seen is not None and seen < brand_post, (sid, seen, brand_post)
    summary = onboarding_summary(onboard)
    assert summary["steps"]["brand"]["sid"] == brand["sid"] and summary["waiting"] == [], summary
    assert [r for r in onboard.results if r["host"] == HOST and "flex_a2p_brand_sid" in (r["result"].get("ansible_facts") or {})], \
        "onboard did not set flex_a2p_brand_sid"

    rollout = run("flex_a2p", ROLLOUT, *VERBOSE)
    state = live(emulator, acc)
    [service] = [s for s in state["services"] if s["friendly_name"] == SERVICE]
    [campaign] = state["campaigns"]
    assert (campaign["messaging_service_sid"], campaign["brand_registration_sid"], campaign["campaign_status"]) == (
        service["sid"], brand["sid"], "VERIFIED"), campaign
    assert not [w for w in rollout.writes if "trusthub" == w["product"] or "/BrandRegistrations" in w["path"]], \
        "the main entry point wrote to TrustHub or registered a brand"

    again = {name: run(name + " again", playbook) for name, playbook in (("onboard", ONBOARD), ("flex_a2p", ROLLOUT))}
    for name, second in again.items():
        assert second.writes == [], (name, [(w["method"], w["path"]) for w in second.writes])
        assert "changed=0" in second.stdout and "changed=1" not in second.stdout, (name, tail(second))
    assert duplicates(emulator, acc) == {}

    audit = run("audit", AUDIT, "--check", *VERBOSE, "-e", "audit_report_dir=%s" % report_dir)
    assert audit.writes == []
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(report_dir.iterdir())}
    assert sorted(files) == ["a2p-audit.html", "a2p-audit.json"]
    [audited] = [a for a in json.loads(files["a2p-audit.json"])["accounts"] if a["account"] == HOST]
    steps = audited["onboarding"].get("steps", audited["onboarding"])  # status-R.md: onboarding.{profile, ...}; the role: onboarding.steps
    assert (steps["profile"]["sid"], steps["profile"]["status"]) == (profile["sid"], "twilio-approved"), steps
    assert (steps["trust_product"]["sid"], steps["trust_product"]["status"]) == (trust["sid"], "twilio-approved"), steps
    assert (steps["brand"]["sid"], steps["brand"]["status"]) == (brand["sid"], "APPROVED"), steps
    assert (steps["campaign"]["sid"], steps["campaign"]["status"]) == (campaign["sid"], "VERIFIED"), steps
    assert (steps["vetting"]["sid"], steps["vetting"]["status"]) == (vetting["brand_vetting_sid"], "SUCCESS"), steps
    for sid in (profile["sid"], trust["sid"], brand["sid"]):
        assert sid in files["a2p-audit.html"], sid

    texts = {"emulator errors": answers(emulator.records())}
    for name, done in runs.items():
        texts.update(outputs(done, name))
    texts.update({"file " + name: text for name, text in files.items()})
    found = pii_found(texts)
    report(capsys, "onboarding", "empty account to VERIFIED campaign: %d requests, %d writes, %.1f s (onboard %.1f s); rerun %d requests, "
           "0 writes; PII values searched in %d outputs (%.1f MB, -vvvv --diff): %d found %s"
           % (len(onboard.requests) + len(rollout.requests), len(onboard.writes) + len(rollout.writes), seconds["onboard"] + seconds["flex_a2p"],
              seconds["onboard"], sum(len(r.requests) for r in again.values()), len(texts), sum(len(t) for t in texts.values()) / 1e6,
              sum(len(v) for v in found.values()), found))
    assert found == {}
