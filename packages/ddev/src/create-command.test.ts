import { describe, expect, test } from '@jest/globals';
import { createCommand } from './create-command.js';

// Forms read from each version's `ddev create --help` and, before 17, its prompts (ddev 13.0.0's create.py).
const ANSWERS = 'help@datadoghq.com\nDatadog\nhttps://www.datadoghq.com\ninfo@datadoghq.com\n';

describe('ddev create across the supported range', () => {
  test.each([
    // version, template, name, dry run, args after `ddev`, stdin
    ['20.1.0', 'check', 'fresh_check', false, '--no-interactive create check fresh_check --location /r', undefined],
    [
      '17.0.0',
      'check-only',
      'fresh_check',
      true,
      '--no-interactive create check-only fresh_check --location /r --dry-run',
      undefined,
    ],
    [undefined, 'metrics-crawler', 'x', false, '--no-interactive create metrics-crawler x --location /r', undefined],
    [
      '16.1.1',
      'check',
      'fresh_check',
      false,
      '--no-interactive create --type check fresh_check --location /r',
      `y\n${ANSWERS}`,
    ],
    [
      '13.0.0',
      'check-only',
      'fresh_check',
      true,
      '--no-interactive create --type check_only fresh_check --location /r --dry-run',
      'y\n',
    ],
    [
      '13.0.0',
      'metrics-crawler',
      'Fresh',
      false,
      '--no-interactive create --type metrics_crawler Fresh --location /r',
      ANSWERS,
    ],
    ['13.0.0', 'logs', 'Fresh', true, '--no-interactive create --type logs Fresh --location /r --dry-run', undefined],
    ['13.0.0', 'jmx', 'fresh_2', false, '--no-interactive create --type jmx fresh_2 --location /r', `y\n${ANSWERS}`],
  ])('ddev %s create %s %s (dry run %s)', (version, template, name, dryRun, args, input) => {
    const command = createCommand(version, { template, name, location: '/r', dryRun });
    expect(command.args.join(' ')).toBe(args);
    expect(command.input).toBe(input);
  });

  test('a location with spaces stays one argument', () => {
    expect(
      createCommand('13.0.0', { template: 'check', name: 'a', location: '/my repo', dryRun: true }).args,
    ).toContain('/my repo');
  });
});
