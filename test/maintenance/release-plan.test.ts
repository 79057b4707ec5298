import { describe, expect, test } from '@jest/globals';
import {
  majorTagDecision,
  parseReleaseTag,
  releaseNotes,
  type ReleaseTag,
} from '../../scripts/maintenance/release/plan.js';

// The pure part of releasing this repository (scripts/maintenance/release/plan.ts).
const tag = (ref: string) => parseReleaseTag(ref) as ReleaseTag;

describe('release tags', () => {
  test.each([
    [
      'refs/tags/v1.2.3',
      { tag: 'v1.2.3', version: '1.2.3', changelogVersion: '1.2.3', major: 1, prerelease: false, majorTag: 'v1' },
    ],
    [
      'v2.0.0',
      { tag: 'v2.0.0', version: '2.0.0', changelogVersion: '2.0.0', major: 2, prerelease: false, majorTag: 'v2' },
    ],
    [
      'v1.3.0-rc.1',
      {
        tag: 'v1.3.0-rc.1',
        version: '1.3.0-rc.1',
        changelogVersion: '1.3.0',
        major: 1,
        prerelease: true,
        majorTag: 'v1',
      },
    ],
  ])('%s', (ref, expected) => {
    expect(parseReleaseTag(ref)).toEqual(expected);
  });

  test.each(['v1', 'v1.2', '1.2.3', 'v01.2.3', 'refs/heads/v1.2.3', 'v1.2.3;rm -rf /', 'v1.2.3-', 'awesome-1.2.3', ''])(
    '%j is not a release tag',
    (ref) => {
      expect(parseReleaseTag(ref)).toEqual({ problem: expect.stringContaining('is not a release tag') });
    },
  );
});

describe('moving the major tag', () => {
  test.each([
    ['v1.0.0', [], true, 'v1.0.0 is the newest v1 release'],
    ['v1.4.0', ['v1', 'v1.0.0', 'v1.3.2'], true, 'v1.4.0 is the newest v1 release'],
    ['v1.4.0', ['v1', 'v1.4.0'], true, 'v1.4.0 is the newest v1 release'],
    ['v1.3.1', ['v1', 'v1.3.0', 'v1.4.0'], false, 'v1.4.0 is newer than v1.3.1: v1 stays on it'],
    ['v1.4.1', ['v1', 'v1.4.0', 'v1.5.0-rc.1', 'v2.0.0'], true, 'v1.4.1 is the newest v1 release'],
    ['v1.5.0-rc.1', ['v1', 'v1.4.0'], false, 'v1.5.0-rc.1 is a pre-release: v1 stays on the last stable release'],
    ['v2.0.0', ['v1', 'v1.9.0'], true, 'v2.0.0 is the newest v2 release'],
  ])('%s with %j: moves %s', (release, existing, move, reason) => {
    expect(majorTagDecision(tag(release), existing)).toEqual({ move, reason });
  });
});

describe('release notes from our CHANGELOG.md', () => {
  const changelog = [
    '# CHANGELOG - agent-integration-ci',
    '',
    '## 1.1.0 / 2026-11-30',
    '',
    '***Added***:',
    '',
    '* `ddev-version` accepts ranges.',
    '',
    '***Fixed***:',
    '',
    '* The summary names the ddev version.',
    '',
    '## 1.0.0 / 2026-11-01',
    '',
    '***Added***:',
    '',
    '* Initial release.',
    '',
  ].join('\n');

  test('the newest entry, rendered canonically, is the body', () => {
    expect(releaseNotes(changelog, tag('v1.1.0'), '2026-12-01')).toEqual({
      title: 'agent-integration-ci v1.1.0',
      body: '***Added***:\n\n* `ddev-version` accepts ranges.\n\n***Fixed***:\n\n* The summary names the ddev version.',
    });
  });

  test('a pre-release is described by the entry of its coming version', () => {
    expect(releaseNotes(changelog, tag('v1.1.0-rc.2'), '2026-12-01')).toMatchObject({
      title: 'agent-integration-ci v1.1.0-rc.2',
    });
  });

  test.each([
    [
      'a version with no entry',
      'v1.2.0',
      changelog,
      "CHANGELOG.md: v1.2.0 needs '## 1.2.0 / YYYY-MM-DD' as the newest entry (the newest is 1.1.0, line 3).",
    ],
    [
      'a version that is not the newest entry',
      'v1.0.0',
      changelog,
      "CHANGELOG.md: v1.0.0 needs '## 1.0.0 / YYYY-MM-DD' as the newest entry (the newest is 1.1.0, line 3).",
    ],
    [
      'a label that is not canonical',
      'v1.1.0',
      changelog.replace('***Fixed***:', '**Fixed**:'),
      "CHANGELOG.md:9: warning: Section label '**Fixed**:' is not in the form '***Fixed***:'.",
    ],
    [
      'a date in the future',
      'v1.1.0',
      changelog.replace('2026-11-30', '2026-12-24'),
      'CHANGELOG.md:3: error: Date 2026-12-24 is after today (2026-12-01).',
    ],
    ['no entries at all', 'v1.0.0', '# CHANGELOG\n', 'CHANGELOG.md:1: warning:'],
  ])('%s is refused', (_, release, text, problem) => {
    expect(releaseNotes(text, tag(release), '2026-12-01')).toEqual({ problem: expect.stringContaining(problem) });
  });
});
