import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { UserError } from '@aic/runtime';
import { targets, type FuzzTarget } from './targets.js';

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** A case slower than this fails the target (a hang detector: linear parsers take well under it). */
  caseBoundMs: number;
}

export interface FuzzResult {
  target: string;
  runs: number;
  seed: number;
  failed: boolean;
  /** What failed and on which input (shrunk), when it did. */
  failure?: string;
  slowestMs: number;
  slowestInputLength: number;
  /** The start of the slowest input, to look at. */
  slowestInput?: string;
  totalMs: number;
}

const size = (input: unknown): number =>
  typeof input === 'string' || input instanceof Uint8Array ? input.length : (JSON.stringify(input)?.length ?? 0);

const preview = (input: unknown): string => {
  const text = input instanceof Uint8Array ? `bytes(${input.length})` : (JSON.stringify(input) ?? String(input));
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
};

/** Runs one target: every case must return or throw our UserError, within the case bound. */
export function fuzzTarget(target: FuzzTarget, options: FuzzOptions): FuzzResult {
  let slowestMs = 0;
  let slowestInputLength = 0;
  let slowestInput: string | undefined;
  const started = performance.now();
  const property = fc.property(target.arbitrary, (input) => {
    const begin = performance.now();
    try {
      target.run(input);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
    const ms = performance.now() - begin;
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestInputLength = size(input);
      slowestInput = preview(input);
    }
    if (ms > options.caseBoundMs)
      throw new Error(`took ${ms.toFixed(0)} ms, over the ${options.caseBoundMs} ms bound (input of ${size(input)})`);
  });
  const details = fc.check(property, { numRuns: options.runs, seed: options.seed });
  const result: FuzzResult = {
    target: target.name,
    runs: details.numRuns,
    seed: options.seed,
    failed: details.failed,
    slowestMs,
    slowestInputLength,
    slowestInput,
    totalMs: performance.now() - started,
  };
  if (details.failed) {
    const error = details.errorInstance as Error | undefined;
    const stack = (error?.stack ?? String(error))
      .split('\n')
      .slice(0, 6)
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
    result.failure = `${stack.join('\n')}\n  input: ${preview(details.counterexample?.[0])}\n  reproduce: AIC_FUZZ_SEED=${options.seed} AIC_FUZZ_PATH=${details.counterexamplePath}`;
  }
  return result;
}

export const targetNames = (): string[] => targets.map((entry) => entry.name);
export { targets };
