"""messaging_service: a check-mode create returns what the real create returns, less what only Twilio assigns.

One real ansible-playbook run against the emulator: the create in check mode, then the same create for real.
"""

from __future__ import annotations

from harness import auth_for

ASSIGNED = {"sid", "account_sid", "date_created", "date_updated", "url", "links"}
OPTIONS = {"friendly_name": "Flex contact center", "use_inbound_webhook_on_number": True, "usecase": "discussion", "sticky_sender": False,
           "validity_period": 600, "inbound_method": "GET", "status_callback": "https://flex.example.com/status"}


def test_check_mode_create_has_the_real_creates_fields(emulator, make_playbook, ansible_playbook):
    acc = emulator.seed["accounts"][0]
    playbook = make_playbook(auth_for(acc), ("Planned", "messaging_service", OPTIONS, {"check_mode": True}),
                             ("Created", "messaging_service", OPTIONS))
    run = ansible_playbook(playbook, emulator)
    assert run.rc == 0, run.stdout
    planned, created = run.result("Planned"), run.result("Created")
    assert planned["changed"] is True and created["changed"] is True
    assert [(write["method"], write["path"]) for write in run.writes] == [("POST", "/v1/Services")]  # the real create only

    assert ASSIGNED <= set(created["service"])
    assert set(planned["service"]) == set(created["service"]) - ASSIGNED
    assert {option: planned["service"][option] for option in OPTIONS} == OPTIONS == {option: created["service"][option] for option in OPTIONS}
    # What was not sent: Twilio's defaults, as the emulator gives a new service (us_app_to_person_registered false, ...).
    assert planned["service"] == {key: value for key, value in created["service"].items() if key not in ASSIGNED}
