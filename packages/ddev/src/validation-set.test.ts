import { describe, expect, test } from '@jest/globals';
import {
  INTEGRATION_VALIDATIONS,
  repositoryValidationApplies,
  validationApplies,
  validationArgs,
  validationSet,
  type IntegrationShape,
} from './validation-set.js';

const check: IntegrationShape = { hasVersionFile: true, hasManifest: true, isTestable: true, hasCode: true };
const tile: IntegrationShape = { hasVersionFile: false, hasManifest: true, isTestable: false, hasCode: false };

describe('validationApplies: what Datadog CI selects with `changed`', () => {
  test('an Agent check gets the whole set and lint', () => {
    for (const validation of [...INTEGRATION_VALIDATIONS, 'lint' as const])
      expect(validationApplies(validation, check)).toEqual({ applies: true });
  });

  test.each([
    ['config', false],
    ['models', false],
    ['package', false],
    ['legacy-signature', false],
    ['jmx-metrics', false],
    ['lint', false],
    ['imports', true],
    ['integration-style', true],
    ['readmes', true],
    ['metadata', true],
  ] as const)('a tile-only folder: %s applies=%s', (validation, applies) => {
    const result = validationApplies(validation, tile);
    expect(result.applies).toBe(applies);
    if (!result.applies) expect(result.reason).toMatch(/Python package|code|testable/);
  });
});

describe('repositoryValidationApplies', () => {
  test.each([
    [{ repo: 'extras', hasCodeowners: true, hasTestAllWorkflow: true }, 'ci', true],
    [{ repo: 'marketplace', hasCodeowners: true, hasTestAllWorkflow: true }, 'codeowners', true],
    [{ repo: 'extras', hasCodeowners: false, hasTestAllWorkflow: false }, 'ci', false],
    [{ repo: 'extras', hasCodeowners: false, hasTestAllWorkflow: true }, 'codeowners', false],
    [{ repo: 'core', hasCodeowners: true, hasTestAllWorkflow: true }, 'ci', false],
  ] as const)('%j: %s applies=%s', (facts, validation, applies) => {
    const result = repositoryValidationApplies(validation, facts);
    expect(result.applies).toBe(applies);
    if (!result.applies) expect(result.reason).toMatch(/not shaped like|integrations-core/);
  });
});

describe('validationSet', () => {
  test('extras: the validate.yml set; marketplace adds eula', () => {
    expect(validationSet('extras', undefined).integration).toEqual([...INTEGRATION_VALIDATIONS]);
    expect(validationSet('marketplace', undefined).integration).toEqual([...INTEGRATION_VALIDATIONS, 'eula']);
    expect(validationSet('extras', undefined).repository).toEqual(['ci', 'codeowners']);
  });

  test("a repository's own .ddev/config.toml list wins; names this set does not run are reported", () => {
    expect(validationSet('marketplace', ['config', 'eula', 'codeowners', 'dashboards'])).toEqual({
      integration: ['config', 'eula'],
      repository: ['codeowners'],
      unsupported: ['dashboards'],
      source: 'the validations list of .ddev/config.toml',
    });
  });
});

test('validationArgs', () => {
  expect(validationArgs('config', 'awesome')).toEqual(['validate', 'config', 'awesome']);
  expect(validationArgs('codeowners', undefined)).toEqual(['validate', 'codeowners']);
  expect(validationArgs('lint', 'apache-apisix')).toEqual(['test', '--lint', 'apache-apisix']);
});
