"""The A2P wait loop's timeout message: what it waited for, in words (issue 11 F10a)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ansible_collections.tendlc.twilio.plugins.module_utils import _a2p
from ansible_collections.tendlc.twilio.plugins.module_utils._errors import ModuleError

BN = "BN" + "b" * 32


@pytest.fixture(name="frozen")
def fixture_frozen(monkeypatch):
    """A clock that each sleep moves on."""
    now = [0.0]
    monkeypatch.setattr(_a2p.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(_a2p.time, "sleep", lambda seconds: now.__setitem__(0, now[0] + seconds))
    return now


def timed_out(brand_type, identity_status="UNVERIFIED", status="APPROVED"):
    brand = SimpleNamespace(sid=BN, status=status, brand_type=brand_type, identity_status=identity_status)
    with pytest.raises(ModuleError) as caught:
        _a2p.wait_for("A2P brand %s" % BN, lambda: brand, lambda b: b.status, ["APPROVED"], "FAILED", 2, 1, held=_a2p.awaiting_otp)
    return caught.value.msg


def test_a_sole_proprietor_brand_is_waited_for_to_be_approved_and_verified(frozen):
    msg = timed_out("SOLE_PROPRIETOR")
    assert msg.startswith("Timed out after 2s waiting for A2P brand %s to be APPROVED and VERIFIED; it is APPROVED but its identity_status "
                          "is UNVERIFIED" % BN), msg
    assert timed_out("SOLE_PROPRIETOR", status="PENDING").startswith(
        "Timed out after 2s waiting for A2P brand %s to be APPROVED and VERIFIED; its status is still PENDING" % BN)


def test_a_standard_brand_is_waited_for_to_be_approved(frozen):
    assert timed_out("STANDARD", status="IN_REVIEW") == "Timed out after 2s waiting for A2P brand %s to be APPROVED; its status is still IN_REVIEW." % BN
