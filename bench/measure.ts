import { spawnSync } from 'node:child_process';

export interface Figure {
  name: string;
  value: number;
  unit: 'ratio' | 's' | 'ms' | 'KiB';
  goal: string;
  pass: boolean;
  /** What was compared, in one line, with the raw medians. */
  detail: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How long one run of `work` takes, in ms. */
export async function timeOnce(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Runs `work` once as a warm-up (unless told not to), then `runs` times; returns the median in ms. */
export async function timeMedian(work: () => Promise<void> | void, runs: number, warmUp = true): Promise<number> {
  if (warmUp) await work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) samples.push(await timeOnce(work));
  return median(samples);
}

/**
 * Times two alternatives in alternation (a warm-up of each, then `runs` rounds of a then b), so that drift in
 * the machine's load or caches falls on both sides alike; returns both medians in ms.
 */
export async function timePair(
  ours: () => Promise<void> | void,
  theirs: () => Promise<void> | void,
  runs: number,
): Promise<[number, number]> {
  await ours();
  await theirs();
  const a: number[] = [];
  const b: number[] = [];
  for (let index = 0; index < runs; index++) {
    a.push(await timeOnce(ours));
    b.push(await timeOnce(theirs));
  }
  return [median(a), median(b)];
}

/** Runs a command (argument array, no shell) and fails loudly if it fails: a benchmark of a failure is no figure. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  const result = spawnSync(command, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${(result.stderr || result.stdout).slice(-2000)}`,
    );
  }
  return result.stdout;
}

export function ratioFigure(name: string, ours: number, theirs: number, goal: number, what: string): Figure {
  const value = ours / theirs;
  return {
    name,
    value: Number(value.toFixed(3)),
    unit: 'ratio',
    goal: `≤ ${goal}`,
    pass: value <= goal,
    detail: `${what}: ${(ours / 1000).toFixed(2)} s vs ${(theirs / 1000).toFixed(2)} s`,
  };
}

export function markdownTable(figures: readonly Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${f.value} ${f.unit === 'ratio' ? '×' : f.unit} | ${f.goal} | ${f.pass ? '✓' : '✗'} | ${f.detail} |`,
  );
  return ['| figure | value | goal | pass | measured |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
