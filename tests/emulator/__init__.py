"""A local, offline stand-in for Twilio's REST API, used by the tendlc.twilio tests.

Start it with ``python tests/emulator --seed SEED.yml`` or, from Python, with
:func:`emulator.server.start`. See ``docs/emulator.md`` for the full description.
"""

BANNER = "tendlc-twilio-emulator"
