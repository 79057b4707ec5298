import { describe, expect, test } from '@jest/globals';
import { backoffDelays, commandLine, lastLines, ProcessError, runChecked, runProcess, withRetry } from './process.js';
import { MemoryReporter } from './reporter.js';

const node = process.execPath;

describe('runProcess', () => {
  test('passes arguments literally, never through a shell', async () => {
    const hostile = ['; echo pwned', '$(id)', '`id`', '&& ls', "'quoted'", 'a b'];
    const result = await runProcess(node, ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', ...hostile]);
    expect(JSON.parse(result.stdout)).toEqual(hostile);
  });

  test('streams lines into a log group and keeps the output', async () => {
    const reporter = new MemoryReporter();
    const result = await runProcess(
      node,
      ['-e', 'console.log("one"); console.error("two"); process.stdout.write("three")'],
      {
        reporter,
        group: 'Running node',
      },
    );
    expect(reporter.groups).toEqual(['Running node']);
    expect(reporter.lines.sort()).toEqual(['one', 'three', 'two']);
    expect(result).toMatchObject({ exitCode: 0, stdout: 'one\nthree', stderr: 'two\n', timedOut: false });
  });

  test('kills the process tree on timeout', async () => {
    const result = await runProcess(node, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).not.toBe(0);
  });

  test('a missing program is a clear error', async () => {
    await expect(runProcess('surely-not-a-program-aic', [])).rejects.toThrow(
      "Could not start 'surely-not-a-program-aic': it was not found.",
    );
  });
});

describe('runChecked', () => {
  test('a failure quotes the last lines of stderr', async () => {
    const failing = runChecked(
      node,
      ['-e', 'console.error("line 1\\nERROR: no matching distribution"); process.exit(3)'],
      {
        what: 'pip install ddev',
        hint: 'Check the version.',
      },
    );
    await expect(failing).rejects.toBeInstanceOf(ProcessError);
    await expect(failing).rejects.toThrow(
      /pip install ddev failed with exit code 3\.\n {2}Last lines:\n {4}line 1\n {4}ERROR: no matching distribution/,
    );
  });
});

describe('withRetry', () => {
  test('retries with doubling delays, then gives up with the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    const attempt = withRetry(
      async () => {
        calls++;
        throw new Error(`attempt ${calls}`);
      },
      { attempts: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
    );
    await expect(attempt).rejects.toThrow('attempt 3');
    expect(waits).toEqual([100, 200]);
  });

  test('stops at once on an error that retrying cannot fix', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('version does not exist');
        },
        { attempts: 3, baseDelayMs: 1, retryable: () => false },
      ),
    ).rejects.toThrow('version does not exist');
    expect(calls).toBe(1);
  });

  test('returns the first success', async () => {
    let calls = 0;
    const value = await withRetry(async () => (++calls < 2 ? Promise.reject(new Error('flaky')) : 'ok'), {
      attempts: 3,
      baseDelayMs: 1,
    });
    expect([value, calls]).toEqual(['ok', 2]);
  });
});

test.each([
  [3, 1000, [1000, 2000]],
  [1, 1000, []],
  [4, 50, [50, 100, 200]],
])('backoffDelays(%i, %i)', (attempts, base, delays) => expect(backoffDelays(attempts, base)).toEqual(delays));

test('lastLines drops blank lines and keeps the tail', () => {
  expect(lastLines('a\n\nb\nc\n', 2)).toEqual(['b', 'c']);
});

test('commandLine quotes what a shell would split', () => {
  expect(commandLine('ddev', ['test', 'awesome', '--', '-k', 'a b'])).toBe('ddev test awesome -- -k "a b"');
});
