# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Twilio's own response examples pass the checker, so it is not stricter than the spec means.

Every JSON response example of the six specs (675 of them) is validated as if the emulator had
answered it. The few that fail are defects of the examples themselves, in operations the
collection does not use; each is listed with its reason, and must still fail (so the list
cannot go stale unnoticed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contract.spec_examples import documented_examples, example_record
from contract.spec_store import PRODUCT_SPECS, load_product_spec
from contract.validator import validate_record

_ACCOUNT = "/2010-04-01/Accounts/{AccountSid}"
# (product, path prefix) -> why Twilio's examples there do not match Twilio's schemas.
KNOWN_BAD_EXAMPLES: dict[tuple[str, str], str] = {
    ("messaging", "/v1/a2p/BrandRegistrations/{BrandSid}/Vettings"): "brand_vetting_sid 'VT12445353' is no SID",
    ("api", f"{_ACCOUNT}/AvailablePhoneNumbers"): "examples omit the documented paging fields; latitude is a string",
    ("api", f"{_ACCOUNT}/Addresses/{{AddressSid}}/DependentPhoneNumbers"): "trunk_sid holds an AP... SID",
    ("api", f"{_ACCOUNT}/Calls/{{CallSid}}/Recordings"): "price is a decimal string, typed number",
    ("api", f"{_ACCOUNT}/Recordings/{{RecordingSid}}/Transcriptions"): "price is a decimal string, typed number",
    ("api", f"{_ACCOUNT}/Transcriptions"): "price is a decimal string, typed number",
    ("api", f"{_ACCOUNT}/Usage/Records"): "price is a decimal string, typed number",
    ("flex-api", "/v1/PluginService/Configurations/{ConfigurationSid}/Plugins"): "plugin_version_sid PV... against an FV... pattern",
    ("flex-api", "/v1/Insights/QualityManagement/Assessments"): "offset, weight and timestamp are strings, typed number",
}


@pytest.mark.parametrize("product", sorted(PRODUCT_SPECS))
def test_spec_examples_pass_except_known_bad_ones(product: str, spec_dir: Path) -> None:
    spec = load_product_spec(spec_dir, product)
    known_bad = {prefix for (owner, prefix) in KNOWN_BAD_EXAMPLES if owner == product}
    checked, unexpected, bad_prefixes_seen = 0, [], set()
    for method, pattern, status, name in documented_examples(spec):
        record = example_record(spec, method, pattern, status, name=name)
        failures = [problem.detail for problem in validate_record(checked, record, spec_dir) if problem.side == "response"]
        checked += 1
        prefix = next((prefix for prefix in known_bad if pattern.startswith(prefix)), None)
        if failures and prefix is None:
            unexpected.append(f"{method.upper()} {pattern} -> {status} ({name}): {failures}")
        elif failures:
            bad_prefixes_seen.add(prefix)
    assert checked > 0
    assert not unexpected, "\n".join(unexpected)
    assert bad_prefixes_seen == known_bad, f"listed as bad but passing now: {sorted(known_bad - bad_prefixes_seen)}"
