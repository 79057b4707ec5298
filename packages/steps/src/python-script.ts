import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pythonScripts } from './python-scripts.generated.js';

/**
 * Writes one of the embedded helper scripts (packages/steps/python/*.py) into `directory`
 * (a temp dir) and returns its path, ready for `runProcess(python, [scriptPath, ...args])`.
 */
export function materializePythonScript(name: string, directory: string): string {
  const text = pythonScripts[name];
  if (text === undefined) throw new Error(`No embedded Python script named ${name}`);
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return file;
}
