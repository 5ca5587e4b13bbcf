"""Use case catalogues: the Messaging Service use cases and the A2P campaign use cases open to a brand.

``GET /v1/Services/Usecases`` answers ``{"usecases": [{usecase, description, purpose}]}``;
``GET /v1/Services/{MG}/Compliance/Usa2p/Usecases[?BrandRegistrationSid=BN...]`` answers
``{"us_app_to_person_usecases": [{code, name, description, post_approval_required}]}``: the brand's use cases
(:func:`emulator.messaging.a2p_rules.allowed_usecases`), an empty list when the brand is not APPROVED or not
found in the account (*unconfirmed*: Twilio's docs say only "an empty list if there is an issue with the
customer's A2P brand registration"), the whole standard list without a brand. With a brand, the list holds only the use
cases the service's own ``usecase`` accepts (:func:`emulator.messaging.a2p_rules.service_accepts`): Twilio's reference
says the request "returns a list of possible A2P 10DLC use cases for a given Messaging Service and A2P 10DLC brand"
(usapptopersonusecase-resource); that the service's use case narrows it is *unconfirmed*, as is the mapping itself.
"""

from emulator.forms import last
from emulator.messaging.a2p_campaigns import service_of
from emulator.messaging.a2p_catalog import SERVICE_USECASES
from emulator.messaging.a2p_lifecycle import BRANDS
from emulator.messaging.a2p_rules import allowed_usecases, service_accepts
from emulator.routing import Call, Reply, Route


def service_usecases(call: Call) -> Reply:
    """The six Messaging Service use cases."""
    call.owner()
    return Reply(200, {"usecases": [dict(entry) for entry in SERVICE_USECASES]})


def campaign_usecases(call: Call) -> Reply:
    """The campaign use cases the brand may register on this service."""
    service = service_of(call, "/Compliance/Usa2p/Usecases")
    brand_sid = last(call.query, "BrandRegistrationSid")
    if not brand_sid:
        return Reply(200, {"us_app_to_person_usecases": allowed_usecases(None)})
    brand = call.owner().get(BRANDS, brand_sid)
    usecases = [] if brand is None else allowed_usecases(brand)
    return Reply(200, {"us_app_to_person_usecases": [entry for entry in usecases if service_accepts(service, entry["code"])]})


ROUTES = (
    Route("GET", "/v1/Services/Usecases", service_usecases),
    Route("GET", "/v1/Services/{ServiceSid}/Compliance/Usa2p/Usecases", campaign_usecases),
)
