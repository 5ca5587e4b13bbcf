# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Contract tests: check logged requests and emulator responses against Twilio's pinned OpenAPI specs."""
