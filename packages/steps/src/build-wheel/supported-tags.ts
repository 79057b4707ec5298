import path from 'node:path';
import { AGENT, type WheelFinding } from '@aic/wheel';
import { lastLines, runProcess, type Reporter } from '@aic/runtime';
import { materializePythonScript } from '../python-script.js';

export interface Interpreter {
  /** `CPython 3.13 on linux x86_64`. */
  description: string;
  tags: ReadonlySet<string>;
}

const known = new Map<string, Promise<Interpreter | { problem: string }>>();

/** The wheel tags `python` installs (packaging's `sys_tags()`, run by that interpreter), once per run. */
export function supportedTags(
  python: string,
  temp: string,
  reporter: Reporter,
): Promise<Interpreter | { problem: string }> {
  let found = known.get(python);
  if (!found) {
    found = (async () => {
      const script = materializePythonScript(
        'supported_wheel_tags.py',
        path.join(temp, 'agent-integration-ci', 'python'),
      );
      const result = await runProcess(python, [script], { reporter, timeoutMs: 60_000 });
      try {
        const parsed = JSON.parse(result.stdout) as { description?: string; tags?: string[]; error?: string };
        if (parsed.description && parsed.tags) return { description: parsed.description, tags: new Set(parsed.tags) };
        return { problem: parsed.error ?? 'no tags' };
      } catch {
        return { problem: lastLines(result.stderr || result.stdout, 2).join(' ') };
      }
    })();
    known.set(python, found);
  }
  return found;
}

/** What the tag check could not vouch for: no tags at all, or another interpreter than the Agent's. */
export function interpreterWarnings(interpreter: Interpreter | { problem: string }): WheelFinding[] {
  if ('problem' in interpreter)
    return [
      {
        rule: 'wheel-tag',
        level: 'warning',
        message: `The wheel's tags were not checked: ${interpreter.problem}. Give a python input with packaging or pip installed.`,
      },
    ];
  if (interpreter.description.startsWith(`CPython ${AGENT.python} `)) return [];
  return [
    {
      rule: 'wheel-tag',
      level: 'warning',
      message: `The wheel's tags were checked against ${interpreter.description}, not the Agent's CPython ${AGENT.python}: set the python input to a ${AGENT.python} interpreter.`,
    },
  ];
}
