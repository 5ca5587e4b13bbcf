"""Twilio Messaging (``https://messaging.twilio.com``): one module per resource family."""

PRODUCT = "messaging"
BASE_URL = "https://messaging.twilio.com"
