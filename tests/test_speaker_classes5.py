"""Speaker classes of issue 2 seen on blind13/blind14: a title inside an English role phrase, ...
Every sentence is written for the test."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_title_inside_a_possessive_role_phrase_is_no_part_of_the_name():
    text = ("Nearly half the province is short of water, and the region’s Water Minister Carla Dunmore said the reservoirs "
            "were at their lowest level in a decade.\n\n"
            "“We have asked every town to cut its use by a fifth before the summer,” Dunmore said on Monday.")
    claims = attributed(text)
    assert only(claims, "reservoirs").speaker.name == "Carla Dunmore"
    assert only(claims, "cut its use").speaker.name == "Carla Dunmore"
