"""Email addresses kept out of the audit's report, in every text of a nested record."""

from __future__ import annotations

from ansible_collections.tendlc.twilio.plugins.plugin_utils._personal_data import without_emails


def test_emails_are_hidden_and_the_rest_kept():
    record = {"name": "Marketing ops@example.net", "numbers": [{"friendly_name": "Line <b>1</b> bob.smith+sms@mail.example.co.uk"}],
              "texts": ("'jane@example.org'", "no address here", "user@localhost"), "count": 3, "none": None}
    assert without_emails(record) == {"name": "Marketing (email hidden)", "numbers": [{"friendly_name": "Line <b>1</b> (email hidden)"}],
                                      "texts": ["'(email hidden)'", "no address here", "user@localhost"], "count": 3, "none": None}
