from dataclasses import replace

from sakip.core.measure import measure
from sakip.web.dashboards.figures import key_rows


def test_the_dashboard_shows_the_key_indicators_the_measurement_counts(belitung):
    # a key indicator at program level is not an IKU of the agency: the report leaves it out,
    # and so must the dashboard
    program = next(i for i in belitung.indicators if i.level.value == "program")
    plan = replace(belitung, indicators=tuple(replace(i, key=True) if i is program else i
                                              for i in belitung.indicators))
    m = measure(plan, 2020)
    assert [row.result.code for row in key_rows(plan, m)] == list(m.key)
    assert program.code not in m.key
