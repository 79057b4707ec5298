import pytest

from datadog_checks.awesome import AwesomeCheck
from datadog_checks.base import AgentCheck

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures('dd_environment')]


def test_page_from_the_environment_is_ok(aggregator, dd_run_check, instance):
    check = AwesomeCheck('awesome', {}, [instance])

    dd_run_check(check)

    aggregator.assert_service_check('awesome.search', AgentCheck.OK, tags=['url:' + instance['url']], count=1)


def test_missing_string_on_the_environment_page_warns(aggregator, dd_run_check, instance):
    check = AwesomeCheck('awesome', {}, [dict(instance, search_string='not on this page')])

    dd_run_check(check)

    aggregator.assert_service_check('awesome.search', AgentCheck.WARNING, count=1)
