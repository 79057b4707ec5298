import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { ddevConfigToml, inferRepo, type CheckoutFacts } from './repo.js';

const facts = (over: Partial<CheckoutFacts>): CheckoutFacts => ({
  folderName: 'checkout',
  remoteUrl: undefined,
  entries: [],
  integrationCount: 1,
  ...over,
});

describe('inferRepo', () => {
  test.each([
    [facts({ entries: ['ddev', 'datadog_checks_base', 'postgres'], integrationCount: 200 }), 'core'],
    [facts({ remoteUrl: 'https://github.com/DataDog/marketplace.git' }), 'marketplace'],
    [facts({ folderName: 'marketplace' }), 'marketplace'],
    [facts({ remoteUrl: 'git@github.com:DataDog/integrations-extras.git', integrationCount: 88 }), 'extras'],
    [facts({ folderName: 'acme-datadog-checks', integrationCount: 1 }), 'extras'],
    [facts({ folderName: 'acme', integrationCount: 3 }), 'extras'],
  ])('%j → %s', (given, repo) => {
    expect(inferRepo(given)).toMatchObject({ ok: true, repo });
  });

  test('a checkout with no integration is refused', () => {
    expect(inferRepo(facts({ integrationCount: 0 }))).toEqual({
      ok: false,
      problem: 'found no integration (no folder with hatch.toml, datadog_checks/ or manifest.json).',
    });
  });

  test('any checkout facts: a repo or a problem, never a throw (10k cases)', () => {
    fc.assert(
      fc.property(
        fc.record({
          folderName: fc.string({ unit: 'binary' }),
          remoteUrl: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
          entries: fc.array(fc.string()),
          integrationCount: fc.nat(400),
        }),
        (given) => {
          const result = inferRepo(given);
          if (result.ok) expect(['extras', 'marketplace', 'core']).toContain(result.repo);
          else expect(given.integrationCount).toBe(0);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

test('the config file is TOML that ddev reads: repo, repos.<repo>, no upgrade check', () => {
  const path = '/home/runner/work/a "quoted" \\ repo';
  expect(parse(ddevConfigToml('extras', path))).toEqual({
    repo: 'extras',
    upgrade_check: false,
    repos: { extras: path },
  });
});
