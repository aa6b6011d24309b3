"""A goal's mean over its own indicators (Tabel 3.9) and the key indicators the counts cover."""

from decimal import Decimal

from sakip.core.measure import measure
from tests.conftest import plan_from
from tests.test_measure import DOC


def test_a_goals_own_mean_leaves_its_objectives_out():
    m = measure(plan_from(DOC), 2020)
    own = m.own_group("T1")
    assert own.level == "goal_own"
    assert own.indicators == ("A", "B")
    assert own.achievement == Decimal("118.48") and own.count == 1 and own.missing == ("B",)
    # the goal's group still holds its objective's indicator C
    assert m.group("T1").indicators == ("A", "B", "C")


def test_the_key_indicators_are_named_in_plan_order():
    m = measure(plan_from(DOC), 2020)
    assert m.key == ("A", "B", "C", "Q")


def test_belitung_goals_own_means(belitung):
    m = measure(belitung, 2020)
    assert m.own_group("T1").achievement == Decimal("1002.00")
    assert m.own_group("T2").achievement == Decimal("100.31")  # IPG; IDG not available
    assert m.own_group("T2").missing == ("IKU-04",)
    assert m.own_group("T3").achievement == Decimal("81.20")
    assert m.own_group("T4").achievement is None
