import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface ActionInputMetadata {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionMetadata {
  name: string;
  inputs: Record<string, ActionInputMetadata>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main?: string; post?: string; 'post-if'?: string; pre?: string };
}

export function readActionMetadata(actionDir: string): ActionMetadata {
  const file = ['action.yml', 'action.yaml']
    .map((name) => path.join(actionDir, name))
    .find((candidate) => {
      try {
        readFileSync(candidate);
        return true;
      } catch {
        return false;
      }
    });
  if (!file) throw new Error(`No action.yml in ${actionDir}`);
  const metadata = parse(readFileSync(file, 'utf8')) as ActionMetadata;
  return { ...metadata, inputs: metadata.inputs ?? {}, outputs: metadata.outputs ?? {} };
}

/** The runner's name for an input's variable: upper-cased, spaces to `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Evaluates the few `${{ }}` expressions that action defaults use; anything else is an error in the test. */
export function evaluateDefault(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    if (!(expression in context))
      throw new Error(`The harness cannot evaluate \${{ ${expression} }} in an action default`);
    return context[expression]!;
  });
}
