import { asCleanup, liveChildren, markStopping, signalChildren, stopSignal } from './child-processes.js';
import { sleep } from './process.js';

type Cleanup = () => Promise<void>;
const cleanups = new Set<Cleanup>();

/**
 * Registers work to do if the process is stopped (SIGTERM, SIGINT) while it runs — e.g. tearing down the compose
 * projects of running tests. Returns the function that unregisters it (call it once the work no longer applies).
 */
export function onStop(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export interface StopHandlerOptions {
  log: (line: string) => void;
  /** How long children get between SIGTERM and SIGKILL. */
  graceMs?: number;
  /** The bound on all cleanups together. */
  cleanupMs?: number;
  /** Default: process.exit(128 + the signal's number). */
  exit?: (code: number) => void;
}

const SIGNAL_NUMBER: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
let installed = false;

/**
 * The entry points' (action, CLI) answer to SIGTERM and SIGINT: kill every child's process group (SIGTERM, then
 * SIGKILL after the grace), run the registered cleanups (bounded), exit 128+signal. A second signal kills at once.
 */
export function installStopHandlers(options: StopHandlerOptions): void {
  if (installed) return;
  installed = true;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const graceMs = options.graceMs ?? 5_000;
  const cleanupMs = options.cleanupMs ?? 120_000;
  const handle = (signal: NodeJS.Signals) => {
    const code = 128 + (SIGNAL_NUMBER[signal] ?? 1);
    if (stopSignal()) {
      signalChildren('SIGKILL');
      exit(code);
      return;
    }
    markStopping(signal);
    // Taken now: the work being stopped goes on as its processes die, and unregisters its cleanups as it ends.
    const pending = [...cleanups];
    const killed = signalChildren('SIGTERM');
    options.log(
      `Stopped by ${signal}: ${killed.length > 0 ? `stopping ${killed.join('; ')}` : 'no process was running'}; then cleaning up.`,
    );
    void (async () => {
      for (let waited = 0; liveChildren() > 0 && waited < graceMs; waited += 100) await sleep(100);
      signalChildren('SIGKILL');
      const work = Promise.allSettled(pending.map((cleanup) => asCleanup(cleanup)));
      await Promise.race([work, sleep(cleanupMs)]);
      exit(code);
    })();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, handle);
}
