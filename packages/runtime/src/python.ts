import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';
import { runProcess } from './process.js';

export interface PythonInfo {
  path: string;
  version: string;
}

/** Finds an executable by name on PATH (no shell). */
export function whichOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** The interpreter the `python` input names (a path, or `python3.X` on PATH), with its version. */
export async function findPython(input: string): Promise<PythonInfo> {
  const name = input === '' ? 'python3' : input;
  if (!/^[\w./+-]+$/.test(name) || name.startsWith('-')) {
    throw new UserError(`Input 'python': ${JSON.stringify(name)} is not a path or a command name.`, {
      hint: "Use e.g. 'python3.13' or '/usr/bin/python3'.",
    });
  }
  const executable = name.includes('/') ? path.resolve(name) : whichOnPath(name);
  const missing = new UserError(
    `Input 'python': ${JSON.stringify(name)} was not found${name.includes('/') ? '' : ' on PATH'}.`,
    {
      hint: 'Install it first (actions/setup-python with python-version: 3.13) or give the path of an interpreter.',
    },
  );
  if (!executable) throw missing;
  let result;
  try {
    result = await runProcess(
      executable,
      ['-c', 'import sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])'],
      {
        timeoutMs: 30_000,
      },
    );
  } catch {
    throw missing;
  }
  const [resolved, version] = result.stdout.trim().split('\n');
  if (result.exitCode !== 0 || !version || !/^3\.\d+\.\d+$/.test(version)) {
    throw new UserError(`Input 'python': ${executable} is not a working Python 3 interpreter.`, {
      hint: 'Point it at CPython 3.12 or newer.',
    });
  }
  return { path: resolved || executable, version };
}
