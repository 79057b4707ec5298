import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync } from 'node:fs';
import path from 'node:path';
import {
  actionDir,
  bareRepo,
  GitRepo,
  removeRunnerScratch,
  repoRoot,
  runAction,
  shallowClone,
} from '../harness/index.js';

// The bundled plan action, run like the runner runs it, on real git repositories (and a shallow clone of
// a real local bare remote).
const action = actionDir('plan');
afterAll(removeRunnerScratch);

/** An extras-style repository: examples/awesome copied as `awesome` and `other`. */
function twoIntegrations(): GitRepo {
  const repo = GitRepo.withExample('awesome');
  cpSync(path.join(repo.path, 'awesome'), path.join(repo.path, 'other'), { recursive: true });
  repo.commitAll('Add other');
  return repo;
}

const CHECK = 'awesome/datadog_checks/awesome/check.py';

describe('plan', () => {
  test('a pull request touching one integration: a one-leg matrix with the reason', async () => {
    const repo = twoIntegrations();
    const base = repo.head();
    repo.edit(CHECK, "SERVICE_CHECK = 'search'", "SERVICE_CHECK = 'search'  # tuned");
    repo.commitAll('Tune');

    const run = await runAction({
      actionDir: action,
      workspace: repo.path,
      eventName: 'pull_request',
      event: { pull_request: { base: { sha: base } } },
    });

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.matrix!)).toEqual({
      include: [
        {
          integration: 'awesome',
          folder: 'awesome',
          functional: true,
          'docs-only': false,
          reason: 'Python code: datadog_checks/awesome/check.py',
        },
      ],
    });
    expect(run.outputs).toMatchObject({
      integrations: '["awesome"]',
      functional: '["awesome"]',
      count: '1',
      all: 'false',
    });
    expect(run.summary).toContain('| awesome | functional |');
  });

  test.each([
    ['a docs-only change', 'other/README.md', '["other"]', '[]', 'false'],
    [
      'a root pyproject.toml change selects all',
      'pyproject.toml',
      '["awesome","other"]',
      '["awesome","other"]',
      'true',
    ],
  ])('%s', async (_name, file, integrations, functional, all) => {
    const repo = twoIntegrations();
    const before = repo.head();
    repo.write(file, `${repo.read(file)}\n# edited\n`);
    repo.commitAll('Edit');

    // A push: the base is the previous commit from the event payload.
    const run = await runAction({ actionDir: action, workspace: repo.path, eventName: 'push', event: { before } });

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ integrations, functional, all });
  });

  test('a shallow clone fetches the base it needs from the remote', async () => {
    const repo = twoIntegrations();
    const base = repo.head();
    for (let index = 0; index < 5; index++) {
      repo.write('other/README.md', `# other ${index}\n`);
      repo.commitAll(`docs ${index}`);
    }
    const bare = bareRepo();
    repo.git('push', '-q', bare, 'main');
    const clone = shallowClone(bare).path;

    const run = await runAction({
      actionDir: action,
      workspace: clone,
      eventName: 'pull_request',
      event: { pull_request: { base: { sha: base } } },
    });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.integrations).toBe('["other"]');
  });

  test('a force-push whose previous commit is gone checks every integration, with a notice', async () => {
    const repo = twoIntegrations();
    const run = await runAction({
      actionDir: action,
      workspace: repo.path,
      eventName: 'push',
      event: { before: 'e'.repeat(40) },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ integrations: '["awesome","other"]', all: 'true' });
    expect(run.annotations).toEqual([
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('checking all integrations') }),
    ]);
  });

  test('explicit names and no changes at all', async () => {
    const repo = twoIntegrations();
    const named = await runAction({ actionDir: action, workspace: repo.path, inputs: { integrations: 'other' } });
    expect(named.outputs.integrations).toBe('["other"]');

    const none = await runAction({
      actionDir: action,
      workspace: repo.path,
      inputs: { integrations: 'changed', 'base-ref': repo.head() },
    });
    expect(none.exitCode).toBe(0);
    expect(none.outputs).toMatchObject({ matrix: '{"include":[]}', integrations: '[]', count: '0' });
    expect(none.summary).toContain('No integration changed.');
  });

  test.each([
    [{ integrations: '../etc' }, 'Input \'integrations\': "../etc" is a path'],
    [{ integrations: 'nope' }, "Input 'integrations': there is no integration 'nope' at HEAD"],
    [{ 'base-ref': 'f'.repeat(40) }, `Input 'base-ref': the commit "${'f'.repeat(40)}" is not in the checkout`],
    [{ 'head-ref': 'no-such-branch' }, `Input 'head-ref': "no-such-branch" is not a commit`],
    [{ 'integrations-path': '../up' }, `Input 'integrations-path': "../up" is outside the repository`],
    [{ 'integrations-path': 'nowhere' }, `Input 'integrations-path': there is no folder 'nowhere'`],
  ])('bad input %j is one clear error line', async (inputs, message) => {
    const repo = twoIntegrations();
    const run = await runAction({ actionDir: action, workspace: repo.path, inputs });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining(message) }),
    ]);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  describe('integrations under a folder (integrations-path)', () => {
    function nested(): { repo: GitRepo; base: string } {
      const repo = GitRepo.create();
      cpSync(path.join(repoRoot, 'examples', 'awesome'), path.join(repo.path, 'integrations', 'awesome'), {
        recursive: true,
      });
      const base = repo.commitAll('Integrations in a folder');
      repo.edit(`integrations/${CHECK}`, "SERVICE_CHECK = 'search'", "SERVICE_CHECK = 'search'  # tuned");
      repo.commitAll('Tune');
      return { repo, base };
    }

    test('the changed integration is planned in its folder', async () => {
      const { repo, base } = nested();
      const run = await runAction({
        actionDir: action,
        workspace: repo.path,
        inputs: { 'integrations-path': 'integrations', 'base-ref': base },
      });
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.outputs.matrix!).include).toEqual([
        expect.objectContaining({ integration: 'awesome', folder: 'integrations/awesome', functional: true }),
      ]);
      expect(run.outputs).toMatchObject({ names: 'awesome', count: '1' });
    });

    test('without it, a change to check code fails the plan instead of a green run that checked nothing', async () => {
      const { repo, base } = nested();
      const run = await runAction({ actionDir: action, workspace: repo.path, inputs: { 'base-ref': base } });
      expect(run.exitCode).toBe(1);
      expect(run.annotations).toEqual([
        expect.objectContaining({
          level: 'error',
          message: expect.stringContaining(
            "Set 'integrations-path' to the folder that holds the integrations (here: 'integrations')",
          ),
        }),
      ]);
    });
  });
});
