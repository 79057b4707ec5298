import { Worker } from 'node:worker_threads';

export interface Timed<T = unknown> {
  /** False when the call did not return before the deadline (the worker was terminated). */
  finished: boolean;
  ms: number;
  value?: T;
  error?: string;
}

const WORKER = new URL('./worker.mjs', import.meta.url);

/**
 * Calls `module`'s `name(...args)` in a worker thread and gives up after `deadlineMs`: a hang (say a
 * catastrophic regex) fails the test instead of freezing the whole run. `ms` is the call alone, not the
 * worker's start-up.
 */
export function callWithDeadline<T = unknown>(
  module: string,
  name: string,
  args: readonly unknown[],
  deadlineMs: number,
): Promise<Timed<T>> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER);
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: Timed<T>) => {
      if (timer) clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    worker.on('online', () => {
      started = performance.now();
      // The module loads inside the deadline too: generous, since the machine is shared.
      timer = setTimeout(() => finish({ finished: false, ms: performance.now() - started }), deadlineMs);
    });
    worker.on('message', (message: { kind: string; ms: number; value?: T; error?: string }) =>
      message.kind === 'called'
        ? finish({ finished: true, ms: message.ms, value: message.value as T })
        : finish({ finished: true, ms: performance.now() - started, error: message.error! }),
    );
    worker.on('error', (error) => finish({ finished: true, ms: performance.now() - started, error: String(error) }));
    worker.postMessage({ kind: 'call', module, export: name, args });
  });
}

/** A source module's URL, for callWithDeadline (relative to the repository root). */
export const source = (relative: string): string => new URL(`../../${relative}`, import.meta.url).href;
