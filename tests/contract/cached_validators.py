# -*- coding: utf-8 -*-
# Copyright: tendlc.twilio contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""openapi-core 3.0 request/response validators that build each schema's validator only once.

openapi-core 0.23 builds a fresh jsonschema validator (deep-copying the format checker) for
every schema and parameter it checks, and finds the record's path again for every check; that
was about half the time a log record took (1,000 records: ~6 s without these, ~3 s with). The
validators are stateless, so they are kept per (spec, schema location, options), and path
look-ups are remembered. Plugged in through Config's ``request_validator_cls``,
``response_validator_cls`` and ``path_finder_cls``; nothing else changes.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from jsonschema_path import SchemaPath
from openapi_core import V30RequestValidator, V30ResponseValidator
from openapi_core.casting.schemas import oas30_read_schema_casters_factory, oas30_write_schema_casters_factory
from openapi_core.casting.schemas.factories import SchemaCastersFactory
from openapi_core.templating.paths.datatypes import PathOperationServer
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.schemas import oas30_read_schema_validators_factory, oas30_write_schema_validators_factory
from openapi_core.validation.schemas.datatypes import FormatValidatorsDict
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
from openapi_core.validation.schemas.validators import SchemaValidator


class CachingSchemaValidatorsFactory(SchemaValidatorsFactory):
    """A SchemaValidatorsFactory that remembers what it built."""

    def __init__(self, base: SchemaValidatorsFactory) -> None:
        super().__init__(base.schema_validator_cls, base.format_checker)
        self._built: dict[tuple[Any, ...], SchemaValidator] = {}

    def create(
        self,
        spec: SchemaPath,
        schema: SchemaPath,
        format_validators: FormatValidatorsDict | None = None,
        extra_format_validators: FormatValidatorsDict | None = None,
        forbid_unspecified_additional_properties: bool = False,
        enforce_properties_required: bool = False,
    ) -> SchemaValidator:
        # Specs and format dicts live as long as their cached ProductSpec, so their ids are stable.
        key = (id(spec), schema.parts, id(format_validators), id(extra_format_validators),
               forbid_unspecified_additional_properties, enforce_properties_required)
        built = self._built.get(key)
        if built is None:
            built = super().create(spec, schema, format_validators, extra_format_validators,
                                   forbid_unspecified_additional_properties, enforce_properties_required)
            self._built[key] = built
        return built


class CachedPathFinder(APICallPathFinder):
    """An APICallPathFinder that remembers its last answers (shared by all validators of a spec)."""

    _found: OrderedDict[tuple[int, str, str], PathOperationServer] = OrderedDict()
    MAX_REMEMBERED = 1024

    def find(self, method: str, name: str) -> PathOperationServer:
        key = (id(self.spec), method, name)
        found = self._found.get(key)
        if found is None:
            found = super().find(method, name)  # PathError propagates, uncached
            self._found[key] = found
            if len(self._found) > self.MAX_REMEMBERED:
                self._found.popitem(last=False)
        return found


def _caching_casters(base: SchemaCastersFactory) -> SchemaCastersFactory:
    return SchemaCastersFactory(CachingSchemaValidatorsFactory(base.schema_validators_factory), base.types_caster)


class CachedV30RequestValidator(V30RequestValidator):
    """V30RequestValidator with cached schema validators."""

    schema_casters_factory = _caching_casters(oas30_write_schema_casters_factory)
    schema_validators_factory = CachingSchemaValidatorsFactory(oas30_write_schema_validators_factory)


class CachedV30ResponseValidator(V30ResponseValidator):
    """V30ResponseValidator with cached schema validators."""

    schema_casters_factory = _caching_casters(oas30_read_schema_casters_factory)
    schema_validators_factory = CachingSchemaValidatorsFactory(oas30_read_schema_validators_factory)
