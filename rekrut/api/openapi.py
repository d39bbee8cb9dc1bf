"""The published schema documents the error answers every operation can give, in their one shape.

Operations declare the answers particular to them (200, 201, 400 refusals, 409 stale versions). The
answers any operation can give are added here once, so that no operation forgets one: no or a bad
token (401), a role that may not (403), not found or not visible (404), invalid input (422, with the
bad fields), too many requests (429) and a server error (500).
"""

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import REF_TEMPLATE, OpenAPISchema
from ninja.operation import Operation
from ninja.schema import NinjaGenerateJsonSchema

from rekrut.api.schemas import ErrorOut, ValidationErrorOut

COMMON_ERRORS: dict[int, tuple[type[ErrorOut], str]] = {
    401: (ErrorOut, "No valid API token (code unauthenticated)."),
    403: (ErrorOut, "The token's user may not do this (code forbidden)."),
    404: (ErrorOut, "No such record, or not one the token's user may see (code not_found)."),
    422: (ValidationErrorOut, "Invalid input (code invalid; detail names each bad value)."),
    429: (ErrorOut, "Too many requests (code rate_limited); wait the Retry-After seconds."),
    500: (ErrorOut, "Server error (code server_error); logged on the server."),
}


class RekrutOpenAPISchema(OpenAPISchema):
    def responses(self, operation: Operation) -> dict[int, Any]:
        result = super().responses(operation)
        for status, (model, description) in COMMON_ERRORS.items():
            documented = result.setdefault(status, {})
            documented["description"] = description
            documented["content"] = {self.api.renderer.media_type: {"schema": self._reference(model)}}
        return result

    def _reference(self, model: type[ErrorOut]) -> dict[str, str]:
        """The model's schema among the components, and a reference to it (as ninja writes its own)."""
        name = model.__name__
        if name not in self.schemas:
            schema = model.model_json_schema(
                ref_template=REF_TEMPLATE, mode="serialization", schema_generator=NinjaGenerateJsonSchema
            )
            self.add_schema_definitions({**schema.pop("$defs", {}), name: schema})
        return {"$ref": REF_TEMPLATE.format(model=name)}


class RekrutAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return RekrutOpenAPISchema(api=self, path_prefix=path_prefix)
