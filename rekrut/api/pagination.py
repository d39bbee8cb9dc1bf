"""One page shape for every list: `?page=2&page_size=50` -> `{"items": [...], "count": 123}`."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Far past any real list; an unbounded page number would overflow SQLite's OFFSET (a 500, not a 422).
MAX_PAGE = 1_000_000


class Pages(PageNumberPagination):
    """Ninja's page-number pagination with bounded inputs: a page_size over the maximum is a 422."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)
