"""The emulator's structure: routes declared as data and registered in one place, one field-descriptor type."""

import importlib
import pkgutil
from types import ModuleType
from typing import Any, Iterator

import emulator
from emulator import admin, products
from emulator.messaging import a2p_usecases
from emulator.params import Param
from emulator.routing import Route


def _modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(emulator.__path__, "emulator."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


def test_every_module_with_routes_is_registered_in_products() -> None:
    listed = {module.__name__ for modules in products.API_RESOURCES.values() for module in modules} | {admin.__name__}
    declaring = [module for module in _modules() if hasattr(module, "ROUTES")]
    assert {module.__name__ for module in declaring} == listed
    for module in declaring:
        assert module.ROUTES and all(isinstance(route, Route) for route in module.ROUTES), module.__name__


def test_the_routers_hold_exactly_the_declared_routes() -> None:
    declared = [(product, route.method, route.pattern, route.handler)
                for product, modules in products.API_RESOURCES.items() for module in modules for route in module.ROUTES]
    assert [(entry.product, entry.method, entry.pattern, entry.handler) for entry in products.API.routes] == declared
    assert [(entry.method, entry.pattern) for entry in products.ADMIN.routes] == [(route.method, route.pattern) for route in admin.ROUTES]


def test_importing_a_resource_module_registers_nothing() -> None:
    before = [(entry.product, entry.method, entry.pattern) for entry in products.API.routes]
    importlib.reload(a2p_usecases)
    assert [(entry.product, entry.method, entry.pattern) for entry in products.API.routes] == before


def _is_descriptor(item: Any) -> bool:
    """A field descriptor object (``.param`` and ``.name``) or a bare ``(param, name, parser)`` triple."""
    if hasattr(item, "param") and hasattr(item, "name"):
        return True
    return isinstance(item, tuple) and len(item) == 3 and isinstance(item[0], str) and isinstance(item[1], str) and callable(item[2])


def _descriptors(module: ModuleType) -> Iterator[tuple[str, Any]]:
    """The items of module-level tables that name a form parameter and a JSON field."""
    for name, value in vars(module).items():
        if isinstance(value, tuple):
            for item in value:
                if _is_descriptor(item):
                    yield f"{module.__name__}.{name}", item


def test_one_field_descriptor_type() -> None:
    found = [descriptor for module in _modules() for descriptor in _descriptors(module)]
    assert len(found) > 80
    assert [where for where, item in found if not isinstance(item, Param)] == []
