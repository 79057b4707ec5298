import { UserError } from './errors.js';

/** Where raw input strings come from (the runner's INPUT_* variables, CLI flags, a test's table). */
export type InputSource = (name: string) => string | undefined;

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** How one input is read: its raw text (trimmed, '' when unset) becomes a typed value or a problem. */
export interface InputSpec<T> {
  parse(raw: string): Parsed<T>;
}

export type InputSchema<T> = { [K in keyof T]: InputSpec<T[K]> };

/** Every input problem at once, one line per input. */
export class InputError extends UserError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0]! : `${problems.length} inputs are invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** `ddevVersion` → `ddev-version`: schema keys are camelCase, action inputs kebab-case. */
export function inputName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Reads all inputs of a schema into one typed object; every problem is reported at once. */
export function readInputs<T>(schema: InputSchema<T>, source: InputSource): T {
  const problems: string[] = [];
  const result: Partial<T> = {};
  for (const key of Object.keys(schema) as (keyof T & string)[]) {
    const name = inputName(key);
    const raw = (source(name) ?? '').trim();
    const parsed = schema[key].parse(raw);
    if (parsed.ok) result[key] = parsed.value;
    else problems.push(`Input '${name}': ${bounded(parsed.problem)}`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return result as T;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** An input's text quoted for a message: JSON-escaped, and at most 80 characters of it. */
export const quotedInput = (raw: string): string => JSON.stringify(raw.length > 80 ? `${raw.slice(0, 77)}...` : raw);
const shown = quotedInput;

/** A problem line never echoes a whole long input (a 10,000-character value stays out of the log). */
function bounded(problem: string): string {
  return problem.length > 300 ? `${problem.slice(0, 297)}...` : problem;
}

export function text(options: { required?: boolean; default?: string } = {}): InputSpec<string> {
  return {
    parse(raw) {
      if (raw === '') {
        if (options.required) return bad("is required but was empty. Set it in the step's `with:`.");
        return ok(options.default ?? '');
      }
      return ok(raw);
    },
  };
}

const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];

export function boolean(defaultValue: boolean): InputSpec<boolean> {
  return {
    parse(raw) {
      if (raw === '') return ok(defaultValue);
      const lower = raw.toLowerCase();
      if (TRUE.includes(lower)) return ok(true);
      if (FALSE.includes(lower)) return ok(false);
      return bad(`${shown(raw)} is not a boolean. Use 'true' or 'false'.`);
    },
  };
}

export function choice<const C extends string>(choices: readonly C[], defaultValue: C): InputSpec<C> {
  return {
    parse(raw) {
      if (raw === '') return ok(defaultValue);
      const match = choices.find((c) => c === raw.toLowerCase());
      if (match !== undefined) return ok(match);
      return bad(`${shown(raw)} is not one of ${choices.map((c) => `'${c}'`).join(', ')}.`);
    },
  };
}

export function integer(options: { default: number; min?: number; max?: number }): InputSpec<number> {
  return {
    parse(raw) {
      if (raw === '') return ok(options.default);
      if (!/^-?\d+$/.test(raw)) return bad(`${shown(raw)} is not a whole number.`);
      const value = Number(raw);
      if (options.min !== undefined && value < options.min) return bad(`${value} is below the minimum ${options.min}.`);
      if (options.max !== undefined && value > options.max) return bad(`${value} is above the maximum ${options.max}.`);
      return ok(value);
    },
  };
}

/** A list separated by commas, spaces or newlines (how people write lists in YAML `with:` blocks). */
export function list(options: { default?: readonly string[] } = {}): InputSpec<string[]> {
  return {
    parse(raw) {
      const items = splitList(raw);
      return ok(items.length === 0 ? [...(options.default ?? [])] : items);
    },
  };
}

export function splitList(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An input whose raw text is checked by a domain function: it returns the value or throws/returns a problem. */
export function custom<T>(parse: (raw: string) => T | { problem: string }): InputSpec<T> {
  return {
    parse(raw) {
      try {
        const value = parse(raw);
        if (value !== null && typeof value === 'object' && 'problem' in (value as object)) {
          return bad((value as { problem: string }).problem);
        }
        return ok(value as T);
      } catch (error) {
        return bad(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/**
 * Splits `-k "a b" --tb=short` into arguments the way people expect from a command line — quotes
 * group, backslash escapes — with no expansion of any kind: the result goes into an argument array,
 * never through a shell.
 */
export function splitArguments(raw: string): string[] | { problem: string } {
  const args: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && index + 1 < raw.length) current += raw[++index];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (char === '\\' && index + 1 < raw.length) {
      current += raw[++index];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quote) return { problem: `has an unclosed ${quote} quote.` };
  if (started) args.push(current);
  return args;
}

export function argumentList(): InputSpec<string[]> {
  return custom((raw) => splitArguments(raw));
}
