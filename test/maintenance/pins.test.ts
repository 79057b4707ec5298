import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/index.js';

// scripts/maintenance/pins/main.ts as CI and the weekly pins workflow run it: `check` on this repository (the
// gate that every copy of a pin matches what Dependabot keeps), `sync` on a copy with a planted lag, and `update`
// against the real PyPI on a copy whose pins are old.
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const script = path.join(repoRoot, 'scripts', 'maintenance', 'pins', 'main.ts');
const pins = (args: string[]) => spawnSync(tsx, [script, ...args], { encoding: 'utf8', timeout: 180_000 });

const FILES = [
  '.github/dependabot.yml',
  '.github/workflows',
  'workflows',
  'action.yml',
  'README.md',
  'CHANGELOG.md',
  'scripts/python-pins.json',
  'packages/ddev/src/install-plan.ts',
  ...['setup-ddev', 'plan', 'build-wheel'].map((name) => `actions/${name}/action.yml`),
];

/** The files that hold pins, copied into a temp root. */
function copy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aic-pins-'));
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(root, file), { recursive: true });
  }
  return root;
}

const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  expect(text).toMatch(from);
  writeFileSync(path.join(root, file), text.replace(from, to));
};

test('this repository: every uses: pin and every copy of the pinned ddev agree', () => {
  const run = pins(['check']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^\d+ uses: pins in \d+ files, the pinned ddev in 7 places: 0 problem\(s\)\.$/m);
});

describe('a copy of a pin Dependabot moved elsewhere', () => {
  test('check names the file and line, sync --write carries the pin there', () => {
    const root = copy();
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const line = readme.split('\n').findIndex((text) => text.includes('uses: actions/checkout@')) + 1;
    edit(root, 'README.md', /actions\/checkout@[0-9a-f]{40} # v5\.0\.0/, `actions/checkout@${'1'.repeat(40)} # v4.2.2`);

    const check = pins(['check', '--root', root]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(
      `error: README.md:${line}: actions/checkout@111111111111 (v4.2.2) lags the pin Dependabot keeps`,
    );
    expect(check.stderr).toContain('sync --write');

    expect(pins(['sync', '--root', root, '--write']).status).toBe(0);
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toBe(readme);
    expect(pins(['check', '--root', root]).status).toBe(0);
  });
});

describe('following PyPI (the real index)', () => {
  test('old pins move to the newest releases, the pinned ddev in every copy, and a second run has nothing to do', () => {
    const root = copy();
    const current = JSON.parse(readFileSync(path.join(root, 'scripts/python-pins.json'), 'utf8')) as Record<
      string,
      string
    >;
    const ddev = current.ddev!;
    edit(root, 'scripts/python-pins.json', `"ddev": "${ddev}"`, '"ddev": "19.0.0"');
    edit(root, 'scripts/python-pins.json', `"uv": "${current.uv}"`, '"uv": "0.13.0"');
    edit(
      root,
      'scripts/python-pins.json',
      `"datadog-checks-base": "${current['datadog-checks-base']}"`,
      '"datadog-checks-base": "38.0.0"',
    );
    for (const file of [
      'packages/ddev/src/install-plan.ts',
      'actions/setup-ddev/action.yml',
      'action.yml',
      '.github/workflows/integration-ci.yml',
      '.github/workflows/integration-release.yml',
      'README.md',
    ]) {
      edit(root, file, file === 'README.md' ? `to ${ddev}.` : ddev, file === 'README.md' ? 'to 19.0.0.' : '19.0.0');
    }

    const update = pins(['update', '--root', root, '--write']);
    expect(update.stderr).toBe('');
    expect(update.status).toBe(0);
    expect(update.stdout).toMatch(/^ddev: 19\.0\.0 → \d+\.\d+\.\d+$/m);
    expect(update.stdout).toMatch(/^uv: 0\.13\.0 → \d+\.\d+\.\d+$/m);
    const moved = JSON.parse(readFileSync(path.join(root, 'scripts/python-pins.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(moved['ddev-oldest']).toBe(current['ddev-oldest']);
    expect(moved.python).toBe(current.python);
    expect(moved.ddev).not.toBe('19.0.0');
    expect(readFileSync(path.join(root, 'packages/ddev/src/install-plan.ts'), 'utf8')).toContain(
      `PINNED_DDEV_VERSION = '${moved.ddev}'`,
    );
    expect(pins(['check', '--root', root]).status).toBe(0);

    const again = pins(['update', '--root', root]);
    expect(again.stdout).toContain('Every followed pin is the newest release for Python 3.13');
  });
});
