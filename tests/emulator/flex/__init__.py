"""Twilio Flex (``https://flex-api.twilio.com``): one module per resource family."""

PRODUCT = "flex-api"
BASE_URL = "https://flex-api.twilio.com"
