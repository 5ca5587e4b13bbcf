"""The shared list envelopes (v1 ``meta`` and 2010 ``*_uri``) and paging through Services over HTTP."""

from typing import Any, Optional
from urllib.parse import parse_qs, urlsplit

import pytest

from emulator.errors import TwilioError
from emulator.paging import page_request, v1_page, v2010_page

BASE = "https://messaging.twilio.com/v1/Services"


def records(count: int) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """``count`` fake records and their creation positions."""
    items = [{"sid": f"MG{index:032x}"} for index in range(count)]
    return items, {item["sid"]: index for index, item in enumerate(items)}


def query(**values: str) -> dict[str, list[str]]:
    return {key: [value] for key, value in values.items()}


def params_of(url: Optional[str]) -> dict[str, str]:
    assert url is not None
    return {key: value[0] for key, value in parse_qs(urlsplit(url).query).items()}


def test_page_request_defaults_and_clamp() -> None:
    assert page_request({}) == page_request(query(PageSize="50", Page="0"))
    assert page_request({}).size == 50 and page_request({}).number == 0 and page_request({}).token is None
    assert page_request(query(PageSize="1000")).size == 1000
    assert page_request(query(PageSize="1000"), max_size=50).size == 50
    for bad in ({"PageSize": "0"}, {"PageSize": "x"}, {"Page": "-1"}):
        with pytest.raises(TwilioError) as raised:
            page_request(query(**bad))
        assert raised.value.status == 400 and raised.value.code == 20001


def test_v1_first_middle_last_pages() -> None:
    items, order = records(5)
    first = v1_page(items, query(PageSize="2"), url=BASE, key="services", position=order.get)
    assert first["services"] == items[0:2]
    assert first["meta"] == {
        "page": 0,
        "page_size": 2,
        "first_page_url": f"{BASE}?PageSize=2&Page=0",
        "previous_page_url": None,
        "next_page_url": f"{BASE}?PageSize=2&Page=1&PageToken=PA{items[1]['sid']}",
        "url": f"{BASE}?PageSize=2&Page=0",
        "key": "services",
    }
    second = v1_page(items, parse_qs(urlsplit(first["meta"]["next_page_url"]).query), url=BASE, key="services", position=order.get)
    assert second["services"] == items[2:4]
    assert second["meta"]["page"] == 1
    assert second["meta"]["url"] == first["meta"]["next_page_url"]
    assert second["meta"]["previous_page_url"] == f"{BASE}?PageSize=2&Page=0&PageToken=PB{items[2]['sid']}"
    third = v1_page(items, parse_qs(urlsplit(second["meta"]["next_page_url"]).query), url=BASE, key="services", position=order.get)
    assert third["services"] == items[4:]
    assert third["meta"]["next_page_url"] is None
    back = v1_page(items, parse_qs(urlsplit(second["meta"]["previous_page_url"]).query), url=BASE, key="services", position=order.get)
    assert back["services"] == items[0:2]
    assert back["meta"]["previous_page_url"] is None


def test_v1_exact_multiple_has_no_empty_last_page() -> None:
    items, order = records(4)
    page = v1_page(items, query(PageSize="2", Page="1", PageToken="PA" + items[1]["sid"]), url=BASE, key="services", position=order.get)
    assert page["services"] == items[2:]
    assert page["meta"]["next_page_url"] is None


def test_v1_empty_list() -> None:
    page = v1_page([], {}, url=BASE, key="services", position={}.get)
    assert page["services"] == []
    assert page["meta"]["next_page_url"] is None and page["meta"]["previous_page_url"] is None
    assert page["meta"]["page_size"] == 50


def test_v1_token_survives_deletion_of_its_anchor() -> None:
    items, order = records(5)
    token = "PA" + items[1]["sid"]
    remaining = [item for item in items if item is not items[1]]
    page = v1_page(remaining, query(PageSize="2", Page="1", PageToken=token), url=BASE, key="services", position=order.get)
    assert page["services"] == items[2:4]


def test_v1_unknown_token_is_400() -> None:
    items, order = records(2)
    for token in ("PA" + "MG" + "f" * 32, "garbage"):
        with pytest.raises(TwilioError) as raised:
            v1_page(items, query(PageToken=token), url=BASE, key="services", position=order.get)
        assert raised.value.status == 400 and raised.value.code == 21481 and raised.value.message == "Invalid PageToken"


def test_v1_filters_are_carried_in_links() -> None:
    items, order = records(3)
    page = v1_page(items, query(PageSize="1"), url=BASE, key="services", position=order.get, filters=[("Status", "a b+c")])
    assert page["meta"]["first_page_url"] == f"{BASE}?Status=a+b%2Bc&PageSize=1&Page=0"
    assert params_of(page["meta"]["next_page_url"]) == {"Status": "a b+c", "PageSize": "1", "Page": "1", "PageToken": "PA" + items[0]["sid"]}


def test_v1_page_without_token_uses_offset() -> None:
    items, order = records(5)
    page = v1_page(items, query(PageSize="2", Page="2"), url=BASE, key="services", position=order.get)
    assert page["services"] == items[4:]
    assert page["meta"]["previous_page_url"] == f"{BASE}?PageSize=2&Page=1&PageToken=PB{items[4]['sid']}"


def test_v2010_envelope() -> None:
    uri = "/2010-04-01/Accounts/AC" + "a" * 32 + "/IncomingPhoneNumbers.json"
    items = [{"sid": f"PN{index:032x}"} for index in range(3)]
    order = {item["sid"]: index for index, item in enumerate(items)}
    first = v2010_page(items, query(PageSize="2"), uri=uri, key="incoming_phone_numbers", position=order.get, filters=[("PhoneNumber", "+15005550006")])
    assert first == {
        "incoming_phone_numbers": items[:2],
        "end": 1,
        "first_page_uri": f"{uri}?PhoneNumber=%2B15005550006&PageSize=2&Page=0",
        "next_page_uri": f"{uri}?PhoneNumber=%2B15005550006&PageSize=2&Page=1&PageToken=PA{items[1]['sid']}",
        "page": 0,
        "page_size": 2,
        "previous_page_uri": None,
        "start": 0,
        "uri": f"{uri}?PhoneNumber=%2B15005550006&PageSize=2&Page=0",
    }
    second = v2010_page(items, parse_qs(urlsplit(first["next_page_uri"]).query), uri=uri, key="incoming_phone_numbers", position=order.get)
    assert second["incoming_phone_numbers"] == items[2:]
    assert (second["start"], second["end"], second["page"]) == (2, 2, 1)
    assert second["next_page_uri"] is None
    assert second["previous_page_uri"] == f"{uri}?PageSize=2&Page=0&PageToken=PB{items[2]['sid']}"
    empty = v2010_page([], {}, uri=uri, key="incoming_phone_numbers", position={}.get)
    assert (empty["start"], empty["end"], empty["page_size"], empty["incoming_phone_numbers"]) == (0, 0, 50, [])


def test_http_paging_follows_next_page_url(api: Any) -> None:
    created = [api.create_service(f"Paged {index}")["sid"] for index in range(5)]
    seen, pages = [], []
    url: Optional[str] = "/messaging/v1/Services?PageSize=2"
    while url:
        response = api.get(url)
        assert response.status_code == 200
        body = response.json()
        pages.append(body["meta"])
        seen += [service["sid"] for service in body["services"]]
        url = body["meta"]["next_page_url"]
        if url:
            assert url.startswith("https://messaging.twilio.com/v1/Services?PageSize=2&Page=")
    assert seen[1:] == created  # the seeded service comes first, then creation order
    assert [meta["page"] for meta in pages] == [0, 1, 2]
    assert pages[-1]["next_page_url"] is None
    assert all(meta["key"] == "services" and meta["first_page_url"] == "https://messaging.twilio.com/v1/Services?PageSize=2&Page=0" for meta in pages)


def test_page_size_above_1000_is_20007() -> None:
    for size in ("1001", "5000"):  # https://www.twilio.com/docs/errors/20007: "The maximum page size is 1000"
        with pytest.raises(TwilioError) as raised:
            page_request(query(PageSize=size), max_size=50)
        assert (raised.value.status, raised.value.code) == (400, 20007)


def test_http_page_size_above_1000_is_refused(api: Any) -> None:
    response = api.get("/messaging/v1/Services?PageSize=5000")
    assert response.status_code == 400
    assert response.json() == {"code": 20007, "message": "Page size too large: 5000; the maximum page size is 1000",
                               "more_info": "https://www.twilio.com/docs/errors/20007", "status": 400}
    assert api.get("/messaging/v1/Services?PageSize=1000").json()["meta"]["page_size"] == 1000
