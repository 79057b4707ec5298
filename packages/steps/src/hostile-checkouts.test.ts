import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '@aic/runtime';
import { composeImages, findComposeFiles, findTestFiles, namedComposeFiles } from './integration-tests/index.js';
import { workingTreeView } from '@aic/git';
import { allIntegrations } from '@aic/repository';
import { checkPullRequest } from './release-notes/index.js';
import { scaffoldCheck } from './scaffold-check/index.js';
import { gatherFacts } from './scaffold-check/gather.js';
import { MemoryReporter } from '@aic/runtime';

// Checkouts a partner's fork could push: the bundled example integration copied to a temp dir (a real git
// repository where the step reads history), then one hostile change each. Every case was a crash (a stack
// trace, the step aborted) or followed a link out of the repository before.
const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/awesome');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function checkout(): { repo: string; integration: string; outside: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aic-hostile-'));
  made.push(root);
  const repo = path.join(root, 'repo');
  const outside = path.join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'docker-compose.yml'), 'services:\n  victim:\n    image: victim:latest\n');
  cpSync(example, path.join(repo, 'awesome'), { recursive: true });
  return { repo, integration: path.join(repo, 'awesome'), outside };
}

const selected = (integration: string) => ({ folder: 'awesome', name: 'awesome', path: integration });
const shown = (file: string) => `awesome/${file}`;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

describe('links in a checkout: never a crash, never followed out of it', () => {
  test('a dangling link in tests/ (compose and test discovery)', () => {
    const { integration } = checkout();
    symlinkSync(path.join(integration, 'nowhere'), path.join(integration, 'tests', 'docker-compose-gone.yml'));
    symlinkSync(path.join(integration, 'nowhere'), path.join(integration, 'tests', 'test_gone.py'));
    expect(findComposeFiles(integration).map((file) => path.basename(file))).toEqual(['docker-compose.yml']);
    expect(findTestFiles(integration)).not.toContain('tests/test_gone.py');
  });

  test('a dangling link in datadog_checks/ (the scaffold facts)', () => {
    const { integration } = checkout();
    symlinkSync(path.join(integration, 'nowhere'), path.join(integration, 'datadog_checks', 'gone'));
    expect(gatherFacts(selected(integration), {}, shown).entries).toEqual(['awesome']);
  });

  test('a link loop in tests/ ends the walk', () => {
    const { integration } = checkout();
    symlinkSync('.', path.join(integration, 'tests', 'loop'));
    symlinkSync('loop2', path.join(integration, 'tests', 'loop1'));
    symlinkSync('loop1', path.join(integration, 'tests', 'loop2'));
    expect(findComposeFiles(integration).map((file) => path.basename(file))).toEqual(['docker-compose.yml']);
    expect(findTestFiles(integration)).toEqual(['tests/test_integration.py', 'tests/test_unit.py']);
    expect(gatherFacts(selected(integration), {}, shown).testFiles.sort()).toEqual([
      'test_integration.py',
      'test_unit.py',
    ]);
  });

  test('a compose file that links out of the repository is neither found nor accepted by name', () => {
    const { repo, integration, outside } = checkout();
    symlinkSync(path.join(outside, 'docker-compose.yml'), path.join(integration, 'tests', 'docker-compose-x.yml'));
    symlinkSync(outside, path.join(integration, 'tests', 'elsewhere'));
    expect(findComposeFiles(integration).map((file) => path.basename(file))).toEqual(['docker-compose.yml']);
    for (const named of ['awesome/tests/docker-compose-x.yml', 'awesome/tests/elsewhere/docker-compose.yml'])
      expect(() => namedComposeFiles(repo, [named])).toThrow(/is outside the repository/);
    expect(namedComposeFiles(repo, ['awesome/tests/docker-compose.yml'])).toHaveLength(1);
  });

  test('a folder that links out of the repository is no integration', async () => {
    const { repo } = checkout();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'aic-elsewhere-'));
    made.push(elsewhere);
    cpSync(example, path.join(elsewhere, 'victim'), { recursive: true });
    symlinkSync(path.join(elsewhere, 'victim'), path.join(repo, 'victim'));
    expect((await allIntegrations(workingTreeView(repo))).map((found) => found.name)).toEqual(['awesome']);
  });
});

describe('hostile files: one clear error or finding, never a crash', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghij'.split('').map((name, index) => {
      const previous = 'abcdefghij'[index]!;
      return `${name}: &${name} [*${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}]`;
    }),
  ].join('\n');

  test('a YAML alias bomb in a compose file', () => {
    const { repo, integration } = checkout();
    const file = path.join(integration, 'tests', 'docker-compose.yml');
    writeFileSync(file, `${bomb}\nservices:\n  x:\n    image: *j\n`);
    expect(() => composeImages(file, repo)).toThrow(UserError);
    expect(() => composeImages(file, repo)).toThrow(/awesome\/tests\/docker-compose.yml cannot be read as YAML/);
  });

  test('a YAML alias bomb in conf.yaml.example', () => {
    const { integration } = checkout();
    writeFileSync(path.join(integration, 'datadog_checks/awesome/data/conf.yaml.example'), `${bomb}\ninstances: *j\n`);
    expect(gatherFacts(selected(integration), {}, shown).confExample).toMatchObject({
      exists: true,
      error: { message: expect.stringContaining('use fewer YAML aliases') },
    });
  });

  test('`docs` being a file, in the bump gate', async () => {
    const { repo, integration } = checkout();
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'p@example.com');
    git(repo, 'config', 'user.name', 'P');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    const about = path.join(integration, 'datadog_checks/awesome/__about__.py');
    writeFileSync(about, "__version__ = '9.0.0'\n");
    writeFileSync(path.join(integration, 'docs'), 'not a folder');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'bump');
    const result = await checkPullRequest({
      repoPath: repo,
      integration: selected(integration),
      baseRef: 'HEAD~1',
      today: '2026-01-01',
    });
    expect(result.version).toBe('9.0.0');
  });

  test('an attribute chain 20,000 deep in a base class: a finding on that file, the check goes on', async () => {
    const { repo, integration } = checkout();
    writeFileSync(
      path.join(integration, 'datadog_checks/awesome/deep.py'),
      `class Deep(${Array.from({ length: 20_000 }, (_, index) => `a${index}`).join('.')}):\n    pass\n`,
    );
    const temp = mkdtempSync(path.join(os.tmpdir(), 'aic-scaffold-'));
    made.push(temp);
    const [result] = await scaffoldCheck({
      repoPath: repo,
      integrations: [selected(integration)],
      strict: false,
      baseRef: undefined,
      python: 'python3',
      temp,
      reporter: new MemoryReporter(),
    });
    expect(result!.findings.some((finding) => finding.file === 'awesome/datadog_checks/awesome/deep.py')).toBe(true);
  }, 120_000);
});
