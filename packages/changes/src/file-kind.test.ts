import { expect, test } from '@jest/globals';
import { affectsAllIntegrations, classifyIntegrationFile } from './file-kind.js';

test.each([
  ['datadog_checks/awesome/check.py', 'functional'],
  ['datadog_checks/awesome/data/conf.yaml.example', 'functional'],
  ['datadog_checks/awesome/config_models/instance.py', 'functional'],
  ['assets/configuration/spec.yaml', 'functional'],
  ['assets/dashboards/overview.json', 'functional'],
  ['assets/monitors/high_latency.json', 'functional'],
  ['assets/service_checks.json', 'functional'],
  ['metadata.csv', 'functional'],
  ['pyproject.toml', 'functional'],
  ['hatch.toml', 'functional'],
  ['manifest.json', 'functional'],
  ['setup.py', 'functional'],
  ['README.md', 'docs'],
  ['CHANGELOG.md', 'docs'],
  ['images/screenshot.png', 'docs'],
  ['assets/logos/avatars-bot.png', 'docs'],
  ['tests/test_unit.py', 'tests'],
  ['tests/docker-compose.yml', 'tests'],
  ['tox.ini', 'tests'],
])('%s is %s', (path, kind) => {
  expect(classifyIntegrationFile(path).kind).toBe(kind);
});

test.each([
  ['pyproject.toml', true],
  ['.coveragerc', true],
  ['.ddev/config.toml', true],
  ['README.md', false],
  ['awesome/pyproject.toml', false],
])('affectsAllIntegrations(%s) = %s', (path, all) => expect(affectsAllIntegrations(path)).toBe(all));
