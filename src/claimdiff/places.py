"""How two place names relate: the same place, one inside the other, or different."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from claimdiff.gazetteer import country_for
from claimdiff.names import fold

PlaceRelation = Literal["same", "inside", "contains", "different"]


@lru_cache(maxsize=16384)
def place_relation(left: str, right: str) -> PlaceRelation:
    """``inside`` means ``left`` lies in ``right`` (a capital in its country)."""
    if fold(left) == fold(right):
        return "same"
    left_country, right_country = country_for(left), country_for(right)
    if left_country and right_country and left_country == right_country:
        left_is_country = fold(left) == fold(left_country)
        right_is_country = fold(right) == fold(right_country)
        if right_is_country and not left_is_country:
            return "inside"
        if left_is_country and not right_is_country:
            return "contains"
        if left_is_country and right_is_country:
            return "same"
    return "different"


def place_key(place: str) -> str:
    """A blocking key: the country a place lies in, else the place itself."""
    return country_for(place) or fold(place)
