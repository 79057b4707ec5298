import pytest

from datadog_checks.awesome import AwesomeCheck
from datadog_checks.base import AgentCheck, ConfigurationError

pytestmark = pytest.mark.unit


def make_check(instance):
    return AwesomeCheck('awesome', {}, [instance])


@pytest.mark.parametrize(
    'path, search, status',
    [
        pytest.param('/', 'Datadog', AgentCheck.OK, id='string found'),
        pytest.param('/', 'Nowhere on the page', AgentCheck.WARNING, id='string missing'),
        pytest.param('/no-such-page', 'Datadog', AgentCheck.CRITICAL, id='HTTP error'),
    ],
)
def test_search_outcomes(aggregator, dd_run_check, page_server, path, search, status):
    url = page_server + path
    check = make_check({'url': url, 'search_string': search, 'tags': ['team:partners']})

    dd_run_check(check)

    aggregator.assert_service_check('awesome.search', status, tags=['url:' + url, 'team:partners'], count=1)
    aggregator.assert_all_metrics_covered()


def test_unreachable_page_is_critical(aggregator, dd_run_check, datadog_agent):
    url = 'http://127.0.0.1:9/'
    check = make_check({'url': url, 'search_string': 'Datadog', 'timeout': 1})
    check.check_id = 'awesome:test'

    dd_run_check(check)

    aggregator.assert_service_check('awesome.search', AgentCheck.CRITICAL, count=1)
    logs = datadog_agent._sent_logs[check.check_id]
    assert [log['status'] for log in logs] == ['error']
    assert logs[0]['url'] == url


@pytest.mark.parametrize(
    'search, log_status',
    [pytest.param('Datadog', 'info', id='ok'), pytest.param('absent', 'warning', id='warning')],
)
def test_sends_a_log_for_each_outcome(dd_run_check, datadog_agent, page_server, search, log_status):
    check = make_check({'url': page_server + '/', 'search_string': search})
    check.check_id = 'awesome:test'

    dd_run_check(check)

    logs = datadog_agent._sent_logs[check.check_id]
    assert [log['status'] for log in logs] == [log_status]
    assert logs[0]['url'] == page_server + '/'


@pytest.mark.parametrize(
    'instance, missing',
    [
        pytest.param({'search_string': 'Datadog'}, 'url', id='no url'),
        pytest.param({'url': 'http://127.0.0.1:9/'}, 'search_string', id='no search string'),
        pytest.param({}, 'url and search_string', id='nothing'),
    ],
)
def test_missing_options_raise_configuration_error(dd_run_check, instance, missing):
    check = make_check(instance)

    with pytest.raises(Exception, match='set {} in the instance configuration'.format(missing)) as raised:
        dd_run_check(check)

    assert 'ConfigurationError' in str(raised.value) or isinstance(raised.value, ConfigurationError)
