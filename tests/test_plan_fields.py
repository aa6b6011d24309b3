"""Each plan field declared once (sakip/core/fields.py): every mapper follows the declaration."""

from dataclasses import replace

import pytest

from sakip.core import fields as F
from sakip.core import records as r
from sakip.io import plan_layout as L
from sakip.io.plan_checks import check_plan
from sakip.io.plan_dump import plan_document
from sakip.io.problems import InputError
from sakip.io.workbook import sheets as S
from sakip.io.workbook.schema import Column, Kind, Sheet
from tests.conftest import plan_from
from tests.workbook_plans import full_plan


def test_every_field_of_every_kind_is_declared_with_a_type():
    for kind in r.SPECS:
        declared = F.fields_of(kind)
        assert declared, kind
        for field in declared:
            assert isinstance(field.type, F.Type)
            if field.type is F.Type.CHOICE:
                assert field.choices is not None, (kind, field.name)


def _mappings(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _mappings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _mappings(value)


def test_the_plan_file_writes_every_field_under_a_declared_key():
    """A full plan written as a plan file uses only the declared keys, and every declared
    field of an indicator that is not its default appears."""
    plan = full_plan()
    document = plan_document(plan)
    for indicator in plan.indicators:
        written = next(m for m in _mappings(document["goals"] + document["programs"])
                       if m.get("code") == indicator.code and "name" in m and m.get("name") == indicator.name)
        assert set(written) <= set(L.keys(r.INDICATOR))
        for field in L.own_fields(r.INDICATOR):
            if field.type is not F.Type.RECORD and not L.is_default(field, getattr(indicator, field.name)):
                assert field.name in written, field.name
    for kind, key in ((r.REGION, "region"), (r.AGENCY, "agency"), (r.STRATEGIC_PLAN, "strategic_plan")):
        assert set(document[key]) <= set(L.keys(kind)), kind


def test_a_workbook_column_that_disagrees_with_its_field_is_refused_at_import_time():
    with pytest.raises(ValueError, match="disagrees"):
        Sheet("X", "x", (Column("precision", "Desimal", Kind.INTEGER, "", minimum=0, maximum=10),),
              record=r.INDICATOR)
    with pytest.raises(ValueError, match="disagrees"):
        Sheet("X", "x", (Column("name", "Nama", Kind.DECIMAL, ""),), record=r.INDICATOR)


def test_workbook_columns_take_their_bounds_and_choices_from_the_declaration():
    precision = S.INDICATORS.column("precision")
    declared = F.field_of(r.INDICATOR, "precision")
    assert (precision.minimum, precision.maximum) == (declared.minimum, declared.maximum) == (0, 6)
    assert S.INDICATORS.column("polarity").choices is F.field_of(r.INDICATOR, "polarity").choices
    assert S.AGREEMENTS.column("first_party_name").kind is Kind.TEXT


def test_one_bound_for_every_way_in():
    """Precision 7: the plan file refuses it as it reads it, and the plan checks — what the web's
    write path runs — refuse a plan that holds it, with the same bounds."""
    with pytest.raises(InputError) as error:
        plan_from("""\
            goals:
              - code: T1
                name: Tujuan
                indicators: [{code: I1, name: Indikator, precision: 7}]
            """)
    assert any("0" in p.message_id and "6" in p.message_id for p in error.value.problems)
    plan = plan_from("""\
        goals:
          - code: T1
            name: Tujuan
            indicators: [{code: I1, name: Indikator, precision: 6}]
        """)
    assert not [p for p in check_plan(plan) if p.code == "PLAN_OUT_OF_RANGE"]
    bad = replace(plan, indicators=(replace(plan.indicators[0], precision=7),))
    found = [p for p in check_plan(bad) if p.code == "PLAN_OUT_OF_RANGE"]
    assert len(found) == 1 and "0–6" in found[0].message_id
