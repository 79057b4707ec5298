import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backgroundPhase, finishWorker, journalDir } from './background-step.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-background-step-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('backgroundPhase', () => {
  test.each([
    [undefined, ''],
    ['', ''],
    [' start ', 'start'],
    ['collect', 'collect'],
  ])('%j is %j', (value, phase) => {
    expect(backgroundPhase({ INPUT_BACKGROUND: value })).toBe(phase);
  });

  test.each(['later', 'START', 'start; id'])('%j is refused, naming the input', (value) => {
    expect(() => backgroundPhase({ INPUT_BACKGROUND: value })).toThrow(
      `Input 'background': ${JSON.stringify(value)} is not one of '', 'start', 'collect'.`,
    );
  });
});

describe('journalDir: the start and the collect step of one action with the same inputs meet', () => {
  const step = (inputs: Record<string, string>, action = '/actions/run-integration-tests') => ({
    RUNNER_TEMP: '/runner/temp',
    GITHUB_ACTION_PATH: action,
    GITHUB_ACTION: 'a step id, different in each step',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  });

  test.each([
    [
      'only background differs',
      { integrations: 'a', background: 'start' },
      { integrations: 'a', background: 'collect' },
      true,
    ],
    [
      'another input differs',
      { integrations: 'a', background: 'start' },
      { integrations: 'b', background: 'collect' },
      false,
    ],
  ])('%s', (_what, start, collect, same) => {
    expect(journalDir(step(start)) === journalDir(step(collect))).toBe(same);
  });

  test('another action with the same inputs does not', () => {
    expect(journalDir(step({ integrations: 'a' }, '/actions/x'))).not.toBe(journalDir(step({ integrations: 'a' })));
  });

  test('under RUNNER_TEMP', () => {
    expect(journalDir(step({})).startsWith('/runner/temp/agent-integration-ci/background/')).toBe(true);
  });
});

describe('finishWorker (the start step’s post)', () => {
  const journal = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(scratch, 'journal-'));
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };
  const ended = { pid: '999999999', exit: '1' };

  test('a worker no collect step took over: its saved state, for the action’s own post', async () => {
    const dir = journal({
      ...ended,
      github_state:
        'isPost<<ghadelimiter_1\ntrue\nghadelimiter_1\ncompose-files<<ghadelimiter_2\n["a.yml"]\nghadelimiter_2\n',
    });
    expect(await finishWorker(dir)).toEqual({ isPost: 'true', 'compose-files': '["a.yml"]' });
  });

  test('collected: nothing left to do', async () => {
    expect(await finishWorker(journal({ ...ended, collected: '', github_state: '' }))).toBeUndefined();
  });

  test('no worker was started', async () => {
    expect(await finishWorker(journal({}))).toBeUndefined();
  });
});
