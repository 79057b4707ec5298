import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bundleFixtureAction } from './bundle-fixture.js';
import { repoRoot } from './paths.js';
import { removeRunnerScratch, runAction } from './run-action.js';
import { parseAnnotations, parseKeyValueFile } from './workflow-commands.js';

let fixture: string;
beforeAll(() => {
  fixture = bundleFixtureAction(path.join(repoRoot, 'test', 'fixtures', 'greeting-action'));
});
afterAll(() => {
  removeRunnerScratch();
  rmSync(fixture, { recursive: true, force: true });
});

describe('runAction on the bundled fixture action', () => {
  test('inputs, defaults, outputs, env, path, annotations, summary and the post step with saved state', async () => {
    const run = await runAction({ actionDir: fixture, inputs: { name: 'Datadog', times: '2', 'with spaces': 'yes' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      greeting: 'Hello, Datadog Hello, Datadog',
      multiline: 'one\ntwo',
      'with-spaces': 'yes',
      where: run.workspace,
    });
    expect(run.env).toEqual({ GREETED: 'Datadog' });
    expect(run.path).toEqual(['/opt/greeting/bin']);
    expect(run.stdout).toContain('::group::Greeting');
    expect(run.annotations).toEqual([
      { level: 'warning', message: 'Greeted, 100% sure', file: 'greeting.py', line: 3, title: 'a: title' },
    ]);
    expect(run.summary).toBe('## Greeting\n\nHello, Datadog Hello, Datadog\n');
    expect(run.state.greeted).toBe('Datadog');
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.stdout).toContain('post: saved state says Datadog');
    expect(run.post?.summary).toBe('post step ran\n');
  });

  test('a broken input fails with one clear error line naming the input, no stack trace', async () => {
    const run = await runAction({ actionDir: fixture, inputs: { name: 'x', times: 'many' }, post: false });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([{ level: 'error', message: `Input 'times': "many" is not a whole number.` }]);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  test('every input problem is reported at once', async () => {
    const run = await runAction({ actionDir: fixture, inputs: { times: '9', loud: 'perhaps' }, post: false });
    expect(run.exitCode).toBe(1);
    const message = run.annotations[0]?.message ?? '';
    expect(message).toContain(`Input 'name': is required`);
    expect(message).toContain(`Input 'times': 9 is above the maximum 5.`);
    expect(message).toContain(`Input 'loud': "perhaps" is not a boolean.`);
  });
});

describe('workflow command parsing', () => {
  test.each([
    ['::error file=a.py,line=3::boom', { level: 'error', message: 'boom', file: 'a.py', line: 3 }],
    ['::warning::100%25 done%0Anext', { level: 'warning', message: '100% done\nnext' }],
    ['::notice title=a%3A b%2C c::x', { level: 'notice', message: 'x', title: 'a: b, c' }],
    [
      '::error file=t.py,line=1,endLine=2,col=4::m',
      { level: 'error', message: 'm', file: 't.py', line: 1, endLine: 2, col: 4 },
    ],
  ])('%s', (line, expected) => {
    expect(parseAnnotations(`noise\n${line}\n`)).toEqual([expected]);
  });

  test('key-value files with heredocs', () => {
    expect(parseKeyValueFile('a=1\nb<<EOF_1\nx\ny\nEOF_1\nc=\n')).toEqual({ a: '1', b: 'x\ny', c: '' });
    expect(() => parseKeyValueFile('b<<D\nx\n')).toThrow(/Unterminated/);
  });
});
