import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  applyFixes,
  checkPins,
  dependabotView,
  findUses,
  type PinPolicy,
} from '../../scripts/maintenance/pins/action-pins.js';
import { repoRoot } from '../harness/index.js';

// The pure part of keeping `uses:` pins in step (scripts/maintenance/pins/action-pins.ts).
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const policy: PinPolicy = {
  watched: (file) => file.startsWith('.github/workflows/') || file === 'action.yml',
  ownRepository: 'org/agent-integration-ci',
  majorTag: 'v1',
};
const files = (entries: Record<string, string>) =>
  Object.entries(entries).flatMap(([file, text]) => findUses(file, text));

describe('reading uses: lines', () => {
  test('steps, jobs, quotes and comments; local actions and docker images are not pins', () => {
    const refs = findUses(
      'w.yml',
      [
        `      - uses: actions/checkout@${A} # v5.0.0`,
        `        uses: "actions/cache/restore@${B}"`,
        '    uses: org/agent-integration-ci/.github/workflows/integration-ci.yml@v1',
        '      - uses: ./actions/plan',
        '      - uses: docker://alpine:3',
        '      # uses: actions/checkout@v4 (a comment)',
      ].join('\n'),
    );
    expect(refs.map((ref) => [ref.line, ref.action, ref.repository, ref.ref, ref.comment])).toEqual([
      [1, 'actions/checkout', 'actions/checkout', A, 'v5.0.0'],
      [2, 'actions/cache/restore', 'actions/cache', B, undefined],
      [3, 'org/agent-integration-ci/.github/workflows/integration-ci.yml', 'org/agent-integration-ci', 'v1', undefined],
    ]);
  });
});

describe('checking the pins', () => {
  test('one SHA everywhere, our own actions on v1: nothing to say', () => {
    const refs = files({
      '.github/workflows/ci.yml': `- uses: actions/checkout@${A} # v5.0.0`,
      'workflows/pr.yml': `- uses: actions/checkout@${A} # v5.0.0\n    uses: org/agent-integration-ci/.github/workflows/integration-ci.yml@v1`,
      'README.md': `      - uses: actions/checkout@${A} # v5.0.0`,
    });
    expect(checkPins(refs, policy)).toEqual({ findings: [], fixes: [] });
  });

  test('a copy Dependabot does not read lags the pin it moved: found, and rewritten to it', () => {
    const starter = `      - uses: actions/checkout@${B} # v4.2.2`;
    const refs = files({
      '.github/workflows/ci.yml': `- uses: actions/checkout@${A} # v5.0.0`,
      'workflows/pr.yml': starter,
    });
    const { findings, fixes } = checkPins(refs, policy);
    expect(findings).toEqual([
      {
        file: 'workflows/pr.yml',
        line: 1,
        message: `actions/checkout@bbbbbbbbbbbb (v4.2.2) lags the pin Dependabot keeps, aaaaaaaaaaaa (v5.0.0) at .github/workflows/ci.yml:1.`,
      },
    ]);
    expect(applyFixes(starter, fixes)).toBe(`      - uses: actions/checkout@${A} # v5.0.0`);
  });

  test.each([
    [
      'a tag instead of a SHA',
      { '.github/workflows/ci.yml': '- uses: actions/checkout@v5' },
      'pin third-party actions to a full commit SHA',
    ],
    [
      'a SHA without its version',
      { '.github/workflows/ci.yml': `- uses: actions/checkout@${A}` },
      'say which version the SHA is',
    ],
    [
      'two SHAs where Dependabot looks',
      {
        '.github/workflows/ci.yml': `- uses: actions/checkout@${A} # v5.0.0`,
        'action.yml': `- uses: actions/checkout@${B} # v4.2.2`,
      },
      'actions/checkout is pinned to 2 commits',
    ],
    [
      'an action used only in a starter workflow',
      { 'workflows/pr.yml': `- uses: actions/cache@${A} # v4.0.0` },
      'actions/cache is pinned only where Dependabot does not look',
    ],
    [
      'our own action by another ref',
      { 'workflows/pr.yml': '    uses: org/agent-integration-ci/.github/workflows/integration-ci.yml@main' },
      'our own actions are referenced by the major tag, @v1',
    ],
  ])('%s', (_, entries, message) => {
    const { findings } = checkPins(files(entries), policy);
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
  });

  test('a starter still on a tag is rewritten to the pin; our own action to @v1', () => {
    const text =
      '- uses: actions/checkout@v4\n    uses: org/agent-integration-ci/.github/workflows/integration-ci.yml@main';
    const refs = files({
      '.github/workflows/ci.yml': `- uses: actions/checkout@${A} # v5.0.0`,
      'workflows/pr.yml': text,
    });
    const { fixes } = checkPins(refs, policy);
    expect(applyFixes(text, fixes)).toBe(
      `- uses: actions/checkout@${A} # v5.0.0\n    uses: org/agent-integration-ci/.github/workflows/integration-ci.yml@v1`,
    );
  });
});

describe("Dependabot's view, from .github/dependabot.yml", () => {
  test.each([
    ['.github/workflows/ci.yml', true],
    ['.github/workflows/nested/x.yml', false],
    ['action.yml', true],
    ['actions/plan/action.yml', false],
    ['workflows/pr.yml', false],
    ['README.md', false],
    ['tools/lint/action.yml', true],
  ])('%s: %s', (file, seen) => {
    const view = dependabotView(
      'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /actions/plan\n  - package-ecosystem: github-actions\n    directories: ["/", "/tools/lint/"]\n',
    );
    expect(view(file)).toBe(seen);
  });

  test("this repository's config sees our workflows and the root action", () => {
    const view = dependabotView(readFileSync(path.join(repoRoot, '.github/dependabot.yml'), 'utf8'));
    expect(['.github/workflows/ci.yml', 'action.yml', 'workflows/pr.yml'].map(view)).toEqual([true, true, false]);
  });
});
