import { expect, test } from '@jest/globals';
import { bumpGate, bumpKind, newestEntry, parseChangelog, versionWentUp } from './index.js';

// PEP 440's order (packaging's): 1.1.0.dev1 < 1.1.0a1 < 1.1.0b1 < 1.1.0rc1 < 1.1.0 < 1.1.0.post1.

test.each([
  // previous, next, kind
  ['1.1.0', '1.1.0rc1', 'none'], // a pre-release of the same version is older: it went down
  ['1.1.0rc1', '1.1.0', 'minor'], // the final release completes the minor it was a candidate for
  ['2.0.0rc1', '2.0.0', 'major'],
  ['1.0.1rc1', '1.0.1', 'patch'],
  ['1.1.0rc1', '1.1.0rc2', 'minor'],
  ['1.1.0b2', '1.1.0rc1', 'minor'],
  ['1.1.0.dev1', '1.1.0a1', 'minor'],
  ['1.0.0', '1.1.0rc1', 'minor'], // a pre-release of the next minor is above the last release
  ['1.0.0', '2.0.0b1', 'major'],
  ['1.0.0', '1.0.0.post1', 'patch'],
  ['1.0.0.post1', '1.0.0', 'none'],
  ['1.0', '1.0.0', 'none'], // the same version written two ways
  ['1.9.0', '1.10.0', 'minor'], // numbers, not text
  ['1!1.0.0', '2.0.0', 'none'], // an epoch outranks any release
  ['1.0.0', '1!0.1.0', 'major'],
  [undefined, '1.0.0rc1', 'major'], // a new integration
  ['1.0.0', 'not-a-version', 'none'],
])('bumpKind(%s, %s) = %s', (previous, next, kind) => expect(bumpKind(previous, next)).toBe(kind));

test.each([
  ['1.1.0', '1.1.0rc1', false],
  ['1.1.0rc1', '1.1.0', true],
  ['1.1.0rc1', '1.1.0rc2', true],
  ['1.1.0', '1.1.0', false],
  ['1.0', '1.0.0', false],
  ['1.2.0', '1.10.0', true],
  ['2.0.0', '1.9.9', false],
  ['weird', 'other', true], // not PEP 440 on either side: any change is a new version
  ['weird', 'weird', false],
])('versionWentUp(%s, %s) = %s', (previous, version, up) => expect(versionWentUp(previous, version)).toBe(up));

const CHANGELOG = (version: string) =>
  parseChangelog(
    `# CHANGELOG\n\n## ${version} / 2026-11-24\n\n***Fixed***:\n\n* A fix.\n\n## 1.0.0 / 2026-01-01\n\n***Added***:\n\n* First.\n`,
  );

test.each([
  ['1.1.0', '1.1.0rc1', 'version-went-down', '__version__ went down from 1.1.0 to 1.1.0rc1.'],
  ['1.1.0rc1', '1.1.0', undefined, 'Version 1.1.0rc1 → 1.1.0 (minor bump), required by functional changes.'],
  ['1.0.0', '1.1.0rc1', undefined, 'Version 1.0.0 → 1.1.0rc1 (minor bump), required by functional changes.'],
  [
    '1.1.0rc1',
    '1.1.0rc1',
    'bump-required',
    'A version bump is required (functional changes: Python code) but __version__ is still 1.1.0rc1.',
  ],
])('the bump gate from %s to %s', (previous, version, rule, decision) => {
  const gate = bumpGate({
    version,
    versionLine: 1,
    aboutFile: 'awesome/datadog_checks/awesome/__about__.py',
    previous,
    changelog: CHANGELOG(version),
    changelogFile: 'awesome/CHANGELOG.md',
    functional: [{ file: 'awesome/datadog_checks/awesome/check.py', reason: 'Python code' }],
    changedReasons: ['Python code'],
    today: '2026-11-24',
  });
  expect(gate.decision).toBe(decision);
  const gateRules = ['version-went-down', 'bump-required', 'entry-missing'];
  expect(gate.findings.filter((finding) => gateRules.includes(finding.rule)).map((finding) => finding.rule)).toEqual(
    rule ? [rule] : [],
  );
});

test('the newest entry is the highest version, a release above its candidates', () => {
  const changelog = parseChangelog(
    '## 1.1.0rc1 / 2026-01-02\n\n* rc\n\n## 1.1.0 / 2026-01-03\n\n* final\n\n## 1.0.0 / 2026-01-01\n\n* a\n',
  );
  expect(newestEntry(changelog)?.version).toBe('1.1.0');
});
