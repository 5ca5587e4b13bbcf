"""Twilio Trust Hub v1 (``https://trusthub.twilio.com``): bundles (customer profiles, trust products), their end users,
supporting documents, assignments and evaluations, and the reference data (policies, end-user and document types).

The store kinds every module below needs live here, so that the modules can import each other's names without a cycle.
"""

from dataclasses import dataclass

PRODUCT = "trusthub"
BASE_URL = "https://trusthub.twilio.com/v1"

END_USERS = "end_users"  # store kind (and seed section) of EndUsers (IT...)
SUPPORTING_DOCUMENTS = "supporting_documents"  # store kind (and seed section) of SupportingDocuments (RD...)
EVALUATIONS = "trusthub_evaluations"  # store kind of both bundles' Evaluations (EL...)
ENTITY_ASSIGNMENTS = "trusthub_entity_assignments"  # store kind of both bundles' EntityAssignments (BV...)
CHANNEL_ENDPOINT_ASSIGNMENTS = "trusthub_channel_endpoint_assignments"  # ChannelEndpointAssignments (RA...)
CUSTOMER_PROFILES = "customer_profiles"  # store kind (and seed section) of CustomerProfiles (BU...)
TRUST_PRODUCTS = "trust_products"  # store kind (and seed section) of TrustProducts (BU...)


@dataclass(frozen=True)
class Bundle:
    """One bundle resource: its store kind (and seed section), URL segment, sub-resource path parameter and the key its
    sub-resources name it by, and the prefix of its ``links`` keys."""

    kind: str
    collection: str
    path_param: str
    sub_key: str
    links: str

    def url(self, sid: str = "") -> str:
        """Twilio's absolute URL of the list, or of one bundle."""
        return f"{BASE_URL}/{self.collection}" + (f"/{sid}" if sid else "")


CUSTOMER_PROFILE = Bundle(CUSTOMER_PROFILES, "CustomerProfiles", "CustomerProfileSid", "customer_profile_sid", "customer_profiles")
TRUST_PRODUCT = Bundle(TRUST_PRODUCTS, "TrustProducts", "TrustProductSid", "trust_product_sid", "trust_products")
BUNDLES = (CUSTOMER_PROFILE, TRUST_PRODUCT)
