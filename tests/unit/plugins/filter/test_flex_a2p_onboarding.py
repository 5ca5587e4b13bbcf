"""flex_a2p_onboarding: its check before any request (never repeating personal data), the onboarding's summary, and
its record in the audit."""

from __future__ import annotations

import copy

import pytest

from ansible_collections.tendlc.twilio.plugins.filter.a2p_audit import a2p_audit
from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_input_problems import flex_a2p_input_problems
from ansible_collections.tendlc.twilio.plugins.filter.flex_a2p_onboarding_summary import FilterModule, flex_a2p_onboarding_summary

from test_a2p_audit import results as audit_results  # pylint: disable=import-error

PRIMARY, PROFILE, PRODUCT, BRAND, VETTING = "BU" + "a" * 32, "BU" + "b" * 32, "BU" + "c" * 32, "BN" + "d" * 32, "VT" + "e" * 32
# Personal data of the example business: none of these may appear in any problem.
EIN, OWNER_EMAIL, REP_EMAIL, PHONE = "12-3456789", "compliance@example.com", "jo@example.com", "+15125550100"
STREET, FIRST, LAST = "1 Main St", "Jo", "Smithers"
ONBOARDING = {
    "primary_profile_sid": PRIMARY,
    "profile": {
        "friendly_name": "Acme Dental", "email": OWNER_EMAIL,
        "business": {"business_name": "Acme Dental LLC", "business_type": "Limited Liability Corporation", "business_industry": "HEALTHCARE",
                     "business_registration_identifier": "EIN", "business_registration_number": EIN, "business_identity": "direct_customer",
                     "business_regions_of_operation": ["USA_AND_CANADA"], "website_url": "https://acme.example.com"},
        "representatives": [{"first_name": FIRST, "last_name": LAST, "email": REP_EMAIL, "phone_number": PHONE, "business_title": "Owner",
                             "job_position": "CEO"}],
        "address": {"customer_name": "Acme Dental LLC", "street": STREET, "city": "Austin", "region": "TX", "postal_code": 78701},
    },
    "trust_product": {"company_type": "private"},
    "brand": {"brand_type": "STANDARD"},
    "vetting": {"provider": "aegis"},
    "wait": False,
}
PII = (EIN, OWNER_EMAIL, REP_EMAIL, PHONE, STREET, FIRST, LAST)


def problems(onboarding):
    return flex_a2p_input_problems({"flex_a2p_onboarding": onboarding, "flex_a2p_onboarding_wait_timeout": 3600,
                                    "flex_a2p_onboarding_poll_interval": 30.0})


def changed(**paths):
    """ONBOARDING with each path (profile__business__business_name) set, or removed for None."""
    onboarding = copy.deepcopy(ONBOARDING)
    for path, value in paths.items():
        *parents, last = path.split("__")
        node = onboarding
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return onboarding


def test_a_complete_onboarding_has_no_problem_and_none_is_no_onboarding():
    assert problems(ONBOARDING) == []
    assert problems({}) == [] and flex_a2p_input_problems({}) == []


@pytest.mark.parametrize("paths, named", [
    ({"profile__colour": "blue"}, "flex_a2p_onboarding.profile.colour is not a key of flex_a2p_onboarding.profile"),
    ({"vetting__provider_id": "x"}, "flex_a2p_onboarding.vetting.provider_id is not a key of flex_a2p_onboarding.vetting"),
    ({"brand__customer_profile_bundle_sid": PROFILE}, "flex_a2p_onboarding.brand.customer_profile_bundle_sid is not a key"),
    ({"profile__business__business_name": None}, "flex_a2p_onboarding.profile.business.business_name is missing"),
    ({"primary_profile_sid": None}, "flex_a2p_onboarding.primary_profile_sid is missing"),
    ({"trust_product": None}, "flex_a2p_onboarding.trust_product is missing"),
    ({"primary_profile_sid": "BN" + "1" * 32}, "flex_a2p_onboarding.primary_profile_sid='BN%s' is not a bundle SID" % ("1" * 32)),
    ({"profile__business": "Acme"}, "flex_a2p_onboarding.profile.business is str, not a mapping"),
    ({"profile__representatives": {"first_name": FIRST}}, "flex_a2p_onboarding.profile.representatives is dict, not a list"),
    ({"profile__representatives": []}, "flex_a2p_onboarding.profile.representatives is empty"),
    ({"profile__representatives": [ONBOARDING["profile"]["representatives"][0]] * 3}, "flex_a2p_onboarding.profile.representatives lists 3, at most 2"),
    ({"wait": "yes"}, "flex_a2p_onboarding.wait='yes' is str, not true or false"),
    ({"profile__business__business_industry": "DENTAL"}, "flex_a2p_onboarding.profile.business.business_industry='DENTAL' is not one of"),
    ({"profile__business__business_regions_of_operation": ["MARS"]}, "flex_a2p_onboarding.profile.business.business_regions_of_operation[0]='MARS'"),
    ({"trust_product__company_type": "non-profit"}, "flex_a2p_onboarding.trust_product.company_type='non-profit' is not one of public, private"),
    ({"trust_product__company_type": "public"}, "flex_a2p_onboarding.trust_product.stock_exchange is missing: a public company"),
    ({"vetting": {"provider": "campaign-verify"}}, "flex_a2p_onboarding.vetting.vetting_id is required"),
    # brand_vetting's own token checks, before the profile, the trust product and the brand (a fee) are made.
    ({"vetting": {"provider": "campaign-verify", "vetting_id": "cv-token-without-pipes"}},
     "flex_a2p_onboarding.vetting.vetting_id is not a whole Campaign Verify token (value not shown"),
    ({"vetting": {"provider": "campaign-verify", "vetting_id": "cv|1.0 |x"}}, "flex_a2p_onboarding.vetting.vetting_id contains white space"),
    ({"profile__business__website_url": "acme"}, "flex_a2p_onboarding.profile.business.website_url='acme' is not"),
])
def test_each_problem_names_the_key(paths, named):
    found = problems(changed(**paths))
    assert any(problem.startswith(named) for problem in found), found


@pytest.mark.parametrize("paths, named", [
    ({"profile__email": "compliance-at-example.com"}, "flex_a2p_onboarding.profile.email is not an email address"),
    ({"profile__representatives__0__email": REP_EMAIL + " "}, "flex_a2p_onboarding.profile.representatives[0].email is not an email address"),
    ({"profile__representatives__0__phone_number": PHONE[2:]}, "flex_a2p_onboarding.profile.representatives[0].phone_number is not a phone number"),
    ({"profile__representatives__0__first_name": ["Jo"]}, "flex_a2p_onboarding.profile.representatives[0].first_name is list, not a text"),
    ({"profile__business__business_registration_number": {"ein": EIN}}, "flex_a2p_onboarding.profile.business.business_registration_number is dict"),
    ({"profile__business__business_registration_number": EIN * 10}, "flex_a2p_onboarding.profile.business.business_registration_number must be 1 to 64"),
    ({"profile__address__street": STREET * 30}, "flex_a2p_onboarding.profile.address.street must be 1 to 255"),
    ({"vetting__vetting_id": 12345}, None),
    ({"profile__representatives": {"first_name": FIRST, "email": REP_EMAIL}}, "flex_a2p_onboarding.profile.representatives is dict, not a list"),
    ({"profile__address": [STREET]}, "flex_a2p_onboarding.profile.address is list, not a mapping"),
])
def test_personal_data_is_never_repeated(paths, named):
    """A bad value of a personal-data key: the problem names the key and what is wrong, and no value of the business's
    personal data appears in any problem."""
    found = problems(changed(**paths))
    text = " ".join(found)
    assert all(value not in text for value in PII + ("Jo'", "12345")), found
    assert named is None or any(problem.startswith(named) for problem in found), found


def test_a_number_where_yaml_reads_one_is_taken_as_its_text():
    """postal_code: 78701 (YAML reads a number): the modules take its text, so does the check."""
    assert problems(changed(profile__address__postal_code=78701, profile__business__business_registration_number=123456789)) == []


def test_the_waits_are_checked_and_a_campaign_may_wait_for_the_onboarded_brand():
    found = flex_a2p_input_problems({"flex_a2p_onboarding": ONBOARDING, "flex_a2p_onboarding_wait_timeout": 0, "flex_a2p_onboarding_poll_interval": 0.5})
    assert [p.split(" must")[0] for p in found] == ["flex_a2p_onboarding_wait_timeout", "flex_a2p_onboarding_poll_interval"]
    campaign = {"usecase": "CUSTOMER_CARE", "description": "Customer care conversations between agents and customers who wrote first.",
                "message_flow": "Customers text our published support number, or opt in on the web form.",
                "message_samples": ["Hi Dana, this is Sam from support.", "Your case 4411 is resolved. Reply STOP to opt out."],
                "has_embedded_links": False, "has_embedded_phone": False}
    assert flex_a2p_input_problems({"flex_a2p_campaign": campaign, "flex_a2p_onboarding": ONBOARDING}) == []
    assert flex_a2p_input_problems({"flex_a2p_campaign": campaign}) == ["flex_a2p_campaign needs flex_a2p_brand_sid or flex_a2p_brand, both are empty"]


def test_the_onboarding_variables_and_fact_are_known_names():
    defined = ["flex_a2p_onboarding", "flex_a2p_onboarding_wait_timeout", "flex_a2p_onboarding_poll_interval", "flex_a2p_onboarding_summary",
               "flex_a2p_onboardin"]
    assert flex_a2p_input_problems({}, defined=defined) == [
        "flex_a2p_onboardin is not a variable of the flex_a2p role (did you mean flex_a2p_onboarding?); the role would leave the variable it "
        "meant at its default (rename it, or give your own variables another prefix)"]


def bundle(key, sid, status, changed_=False, **extra):
    return {"changed": changed_, key: {"sid": sid, "status": status, "errors": extra.pop("errors", None), **extra}}


PROFILE_OK = bundle("customer_profile", PROFILE, "twilio-approved")
PRODUCT_OK = bundle("trust_product", PRODUCT, "twilio-approved")
SKIPPED = {"skipped": True, "changed": False}


def test_a_profile_in_review_leaves_the_brand_waiting():
    summary = flex_a2p_onboarding_summary({"profile": PROFILE_OK, "trust_product": bundle("trust_product", PRODUCT, "in-review", True),
                                           "brand": SKIPPED, "brand_plan": SKIPPED, "vetting": SKIPPED}, {"account": "acme", "vetting_wanted": True})
    assert summary["waiting"] == ["brand: waiting for Twilio's review of the trust product (status in-review): run again later"]
    assert summary["steps"]["trust_product"] == {"sid": PRODUCT, "status": "in-review", "errors": [], "done": "changed"}
    assert summary["steps"]["brand"]["done"] == "not run" and summary["brand_sid"] == ""
    assert summary["line"] == ("acme: customer profile %s twilio-approved, trust product %s in-review, brand not yet, secondary vetting not yet; "
                               "brand: waiting for Twilio's review of the trust product (status in-review): run again later" % (PROFILE, PRODUCT))
    assert summary["next"].startswith("run the onboarding again later")
    assert FilterModule().filters()["flex_a2p_onboarding_summary"] is flex_a2p_onboarding_summary


def test_both_bundles_in_review_are_named_and_a_new_profile_waits_in_check_mode():
    summary = flex_a2p_onboarding_summary({"profile": bundle("customer_profile", PROFILE, "pending-review"),
                                           "trust_product": bundle("trust_product", PRODUCT, "pending-review")})
    assert summary["waiting"] == ["brand: waiting for Twilio's review of the customer profile (status pending-review) and of the trust product "
                                  "(status pending-review): run again later"]
    planned = flex_a2p_onboarding_summary({"profile": {"changed": True, "customer_profile": {"sid": None, "status": "draft"}},
                                           "trust_product": SKIPPED}, {"account": "acme", "check_mode": True})
    assert planned["waiting"] == ["the customer profile is to be created and submitted first"]
    assert planned["line"] == "acme: customer profile to be created, trust product to be created, brand to be registered (a fee); " \
                              "the customer profile is to be created and submitted first (check mode: nothing was written)"
    # planned, as every later step of the plan (their modules need the profile's SID, so they did not run)
    assert [step["done"] for step in planned["steps"].values()] == ["planned", "planned", "planned", "not run"]


def test_the_brand_applied_or_planned_and_the_vetting_waiting_for_it():
    pending = flex_a2p_onboarding_summary({"profile": PROFILE_OK, "trust_product": PRODUCT_OK, "brand": bundle("brand", BRAND, "PENDING", True),
                                           "brand_plan": {"changed": True, "brand": {"sid": None}}, "vetting": SKIPPED}, {"vetting_wanted": True})
    assert pending["brand_sid"] == BRAND and pending["steps"]["brand"]["done"] == "changed"
    assert pending["waiting"] == ["secondary vetting: waiting for Twilio's review of the brand (status PENDING): run again later"]
    adopted = flex_a2p_onboarding_summary({"profile": PROFILE_OK, "trust_product": PRODUCT_OK, "brand": SKIPPED,
                                           "brand_plan": bundle("brand", BRAND, "APPROVED"),
                                           "vetting": {"changed": False, "vetting": {"brand_vetting_sid": VETTING, "vetting_status": "SUCCESS"}}},
                                          {"vetting_wanted": True})
    assert adopted["waiting"] == [] and adopted["brand_sid"] == BRAND
    assert adopted["steps"]["vetting"] == {"sid": VETTING, "status": "SUCCESS", "errors": [], "done": "unchanged"}
    assert adopted["next"].startswith("the brand is approved: run playbooks/flex_a2p.yml")


def test_errors_are_shown_with_emails_hidden_and_a_failed_step_says_so():
    rejected = bundle("customer_profile", PROFILE, "twilio-rejected",
                      errors=[{"code": 22215, "message": "Business name does not match records, contact %s" % OWNER_EMAIL}])
    summary = flex_a2p_onboarding_summary({"profile": rejected, "trust_product": {"failed": True, "msg": "Customer profile not submitted"}})
    assert summary["steps"]["profile"]["errors"] == ["22215 Business name does not match records, contact (email hidden)"]
    assert summary["steps"]["trust_product"] == {"sid": "", "status": "", "errors": [], "done": "failed", "error": "Customer profile not submitted"}
    assert summary["next"].startswith("fix what the failed step says")


def test_the_audit_shows_the_onboarding_per_step_and_nothing_without_it():
    assert "onboarding" not in a2p_audit(audit_results())
    assert a2p_audit(audit_results())["verdict"] == "ok"
    onboarding = flex_a2p_onboarding_summary({"profile": PROFILE_OK, "trust_product": bundle("trust_product", PRODUCT, "in-review"),
                                              "brand": SKIPPED, "vetting": SKIPPED}, {"account": "prod", "check_mode": True})
    audit = a2p_audit(audit_results(onboarding=onboarding))
    steps = audit["onboarding"]["steps"]
    assert list(steps) == ["profile", "trust_product", "brand", "vetting", "campaign"]
    assert (steps["trust_product"]["sid"], steps["trust_product"]["status"]) == (PRODUCT, "in-review")
    assert steps["campaign"]["sid"] == "QE1" and steps["campaign"]["status"] == "VERIFIED"
    assert audit["verdict"] == "at-risk"
    [found] = [f for f in audit["findings"] if f["kind"] == "onboarding"]
    assert found["text"] == "onboarding: brand: waiting for Twilio's review of the trust product (status in-review): run again later"
    assert found["next_step"].startswith("wait for Twilio's review, then run the onboarding (playbooks/onboard.yml) again")


def test_the_audit_names_a_rejected_bundle_with_its_errors():
    rejected = bundle("customer_profile", PROFILE, "twilio-rejected", errors=[{"code": 22215, "message": "Business name mismatch"}])
    onboarding = flex_a2p_onboarding_summary({"profile": rejected, "trust_product": SKIPPED}, {"check_mode": True})
    audit = a2p_audit(audit_results(onboarding=onboarding))
    texts = [f["text"] for f in audit["findings"] if f["kind"] == "onboarding"]
    assert texts[0] == "onboarding: the profile %s is twilio-rejected (22215 Business name mismatch)" % PROFILE


def test_a_step_that_failed_while_reading_is_failed_with_twilios_status_and_errors():
    """The audit reads with failed_when false: the module's failure has no record, its message, status and errors."""
    failed = {"failed": False, "changed": False, "msg": "Trust product %s is twilio-rejected: error 18601." % PRODUCT,
              "status": "twilio-rejected", "errors": [{"code": 18601}]}
    summary = flex_a2p_onboarding_summary({"profile": PROFILE_OK, "trust_product": failed}, {"check_mode": True})
    assert summary["steps"]["trust_product"] == {"sid": PRODUCT, "status": "twilio-rejected", "errors": ["18601"], "done": "failed",
                                                 "error": failed["msg"]}
    audit = a2p_audit(audit_results(onboarding=summary))
    assert [f["text"] for f in audit["findings"] if f["kind"] == "onboarding"] == ["onboarding: the trust product %s is twilio-rejected (18601)" % PRODUCT]
    unnamed = flex_a2p_onboarding_summary({"trust_product": {**failed, "msg": "could not read the trust product"}}, {"check_mode": True})
    assert unnamed["steps"]["trust_product"]["sid"] == ""


def test_check_mode_says_to_run_without_check():
    planned = flex_a2p_onboarding_summary({"profile": {"changed": True, "customer_profile": {"sid": None, "status": "draft"}}}, {"check_mode": True})
    assert planned["next"] == "run the onboarding without --check to write what is planned (playbooks/onboard.yml)"


def test_the_audit_of_an_account_not_yet_onboarded_says_to_run_the_onboarding():
    onboarding = flex_a2p_onboarding_summary({"profile": {"changed": True, "customer_profile": {"sid": None, "status": "draft"}}},
                                             {"check_mode": True})
    [found] = [f for f in a2p_audit(audit_results(onboarding=onboarding))["findings"] if f["kind"] == "onboarding"]
    assert found == {"kind": "onboarding", "text": "onboarding: the customer profile is to be created and submitted first",
                     "next_step": "run the onboarding (playbooks/onboard.yml), which makes and submits what is missing"}
