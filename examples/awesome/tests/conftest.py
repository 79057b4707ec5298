import shutil
import subprocess
import warnings

import pytest

from datadog_checks.dev import docker_run
from datadog_checks.dev.conditions import CheckEndpoints

from .common import COMPOSE_FILE, COMPOSE_PORT, HTML_DIR, SEARCH_STRING
from .local_server import serve_directory


def docker_engine_answers():
    """True when a Docker engine answers `docker info` (a client alone is not enough)."""
    if shutil.which('docker') is None:
        return False
    try:
        return subprocess.run(['docker', 'info'], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture(scope='session')
def dd_environment():
    if docker_engine_answers():
        url = 'http://localhost:{}/'.format(COMPOSE_PORT)
        with docker_run(COMPOSE_FILE, conditions=[CheckEndpoints(url)]):
            yield {'url': url, 'search_string': SEARCH_STRING}
        return

    with serve_directory(HTML_DIR) as base_url:
        message = (
            'No Docker engine answered; serving the test page from a local HTTP server on {} instead '
            'of the nginx service in {}.'.format(base_url, COMPOSE_FILE)
        )
        print('\n' + message)
        warnings.warn(message, stacklevel=1)
        yield {'url': base_url + '/', 'search_string': SEARCH_STRING}


@pytest.fixture
def page_server():
    with serve_directory(HTML_DIR) as base_url:
        yield base_url


@pytest.fixture
def instance(dd_environment):
    return dict(dd_environment)
