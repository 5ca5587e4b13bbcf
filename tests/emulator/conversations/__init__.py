"""Twilio Conversations (``https://conversations.twilio.com``): one module per resource family."""

PRODUCT = "conversations"
BASE_URL = "https://conversations.twilio.com"
