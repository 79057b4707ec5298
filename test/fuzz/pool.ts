import { Worker } from 'node:worker_threads';
import type { FuzzOptions, FuzzResult } from './run-target.js';

const WORKER = new URL('./worker.mjs', import.meta.url);

export interface PoolOptions extends FuzzOptions {
  /** Worker threads side by side. */
  workers: number;
  /** A target still running after this long is a hang: its worker is terminated. */
  targetDeadlineMs: number;
  /** Only the targets whose names contain one of these. */
  only?: readonly string[];
}

function listTargets(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (message: { kind: string; names?: string[]; error?: string }) => {
      void worker.terminate();
      if (message.names) resolve(message.names);
      else reject(new Error(message.error));
    });
    worker.postMessage({ kind: 'list' });
  });
}

/** Runs the targets on worker threads; a target that outlasts its deadline is reported as a hang. */
export async function runFuzz(options: PoolOptions): Promise<FuzzResult[]> {
  const names = (await listTargets()).filter(
    (name) => !options.only || options.only.length === 0 || options.only.some((part) => name.includes(part)),
  );
  const results: FuzzResult[] = [];
  const queue = [...names];
  const fuzzOptions: FuzzOptions = { runs: options.runs, seed: options.seed, caseBoundMs: options.caseBoundMs };

  const failure = (target: string, why: string, ms = 0): FuzzResult => ({
    target,
    runs: 0,
    seed: options.seed,
    failed: true,
    failure: why,
    slowestMs: ms,
    slowestInputLength: 0,
    totalMs: ms,
  });

  /** One worker runs targets one after another; a hang or a crash costs that worker, and a new one goes on. */
  const lane = async (): Promise<void> => {
    let worker: Worker | undefined;
    while (queue.length > 0) {
      const name = queue.shift()!;
      worker ??= new Worker(WORKER);
      const current = worker;
      const outcome = await new Promise<{ result: FuzzResult; keep: boolean }>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        let started = Date.now();
        const done = (result: FuzzResult, keep: boolean) => {
          if (timer) clearTimeout(timer);
          current.removeAllListeners('message');
          current.removeAllListeners('error');
          resolve({ result, keep });
        };
        current.on('message', (message: { kind: string; result?: FuzzResult; error?: string }) => {
          if (message.kind === 'started') {
            started = Date.now();
            timer = setTimeout(
              () =>
                done(
                  failure(
                    name,
                    `hang: still running after ${options.targetDeadlineMs} ms (AIC_FUZZ_SEED=${options.seed})`,
                    Date.now() - started,
                  ),
                  false,
                ),
              options.targetDeadlineMs,
            );
          } else if (message.kind === 'fuzzed') done(message.result!, true);
          else if (message.kind === 'crashed') done(failure(name, `the fuzz worker crashed: ${message.error}`), false);
        });
        current.on('error', (error) => done(failure(name, `the fuzz worker failed: ${String(error)}`), false));
        current.postMessage({ kind: 'fuzz', targets: [name], options: fuzzOptions });
      });
      results.push(outcome.result);
      if (!outcome.keep) {
        await current.terminate();
        worker = undefined;
      }
    }
    await worker?.terminate();
  };
  await Promise.all(Array.from({ length: Math.max(1, options.workers) }, lane));
  return results.sort((a, b) => names.indexOf(a.target) - names.indexOf(b.target));
}

/** The results as a table people read. */
export function fuzzTable(results: readonly FuzzResult[]): string {
  const rows = results.map(
    (result) =>
      `| ${result.failed ? '✗' : '✓'} | ${result.target} | ${result.runs.toLocaleString('en-US')} | ${result.slowestMs.toFixed(1)} ms (${result.slowestInputLength.toLocaleString('en-US')}) | ${(result.totalMs / 1000).toFixed(1)} s |`,
  );
  return ['|   | target | cases | slowest case (input size) | time |', '| - | - | -: | -: | -: |', ...rows].join('\n');
}
