from datadog_checks.base import AgentCheck, ConfigurationError

SERVICE_CHECK = 'search'


class AwesomeCheck(AgentCheck):
    """Loads `url` and reports whether the page contains `search_string`."""

    __NAMESPACE__ = 'awesome'

    def __init__(self, name, init_config, instances):
        super().__init__(name, init_config, instances)
        self.url = self.instance.get('url', '')
        self.search_string = self.instance.get('search_string', '')
        self.base_tags = ['url:{}'.format(self.url)] + list(self.instance.get('tags', []))
        self.check_initializations.append(self._validate_config)

    def _validate_config(self):
        missing = [option for option in ('url', 'search_string') if not self.instance.get(option)]
        if missing:
            raise ConfigurationError('awesome: set {} in the instance configuration'.format(' and '.join(missing)))

    def check(self, _):
        try:
            response = self.http.get(self.url)
            response.raise_for_status()
        except Exception as error:
            message = 'Could not load {}: {}'.format(self.url, error)
            self._report(AgentCheck.CRITICAL, message)
            return

        if self.search_string in response.text:
            self._report(AgentCheck.OK, 'Found {!r} on {}'.format(self.search_string, self.url))
        else:
            self._report(AgentCheck.WARNING, '{!r} is missing from {}'.format(self.search_string, self.url))

    def _report(self, status, message):
        self.service_check(SERVICE_CHECK, status, tags=self.base_tags, message=message if status else None)
        self.send_log(
            {
                'message': message,
                'status': {AgentCheck.OK: 'info', AgentCheck.WARNING: 'warning'}.get(status, 'error'),
                'url': self.url,
                'ddtags': ','.join(self.base_tags),
            }
        )
