import { expect, test } from '@jest/globals';
import { wheelPrefix } from './wheel-file.js';

test.each([
  ['datadog-awesome', '1.2.0', 'datadog_awesome-1.2.0-'],
  ['datadog-my-check', '2.0.0rc1', 'datadog_my_check-2.0.0rc1-'],
  ['Datadog.Odd__Name', '1.0', 'datadog_odd_name-1.0-'],
])('wheelPrefix(%s, %s) = %s', (project, version, prefix) => expect(wheelPrefix(project, version)).toBe(prefix));
