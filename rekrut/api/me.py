"""Who the token belongs to: the cheapest authenticated call, for a client checking its token works (and
the bench's authenticated no-op). Answered from the user the token lookup already loaded: no query more."""

from django.http import HttpRequest
from ninja import Router, Schema

from rekrut.accounts.models import User
from rekrut.api.auth import request_user

router = Router(tags=["me"])


class MeOut(Schema):
    id: int
    username: str
    name: str
    email: str
    role: str
    language: str
    time_zone: str

    @staticmethod
    def resolve_name(user: User) -> str:
        return user.get_full_name() or user.username


@router.get("/me", response=MeOut, summary="The token's user")
def me(request: HttpRequest) -> User:
    return request_user(request)
