import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

/**
 * Every child we start leads a process group of its own (spawned detached), so that ddev, the hatch it starts and
 * the pytest hatch starts can be killed together. This registry knows the live ones, so that a stop signal can
 * kill them all (see stop-signals.ts); once stopping, only cleanup work may start new ones.
 */
const live = new Map<number, { said: string; quiet: boolean }>();
const cleanupScope = new AsyncLocalStorage<boolean>();
let stoppedBy: NodeJS.Signals | undefined;

/**
 * Records a started child (its pid leads its group); returns the function to call when it has exited. `quiet`:
 * a helper beside the work (a log follower), killed all the same but not named when saying what was stopped.
 */
export function trackChild(
  pid: number | undefined,
  command: string,
  args: readonly string[],
  quiet = false,
): () => void {
  if (pid === undefined) return () => undefined;
  if (stoppedBy && !cleanupScope.getStore()) {
    // Started by work that went on after the stop began: it must not outlive us.
    killProcessGroup(pid, 'SIGKILL');
    return () => undefined;
  }
  live.set(pid, { said: shortCommand(command, args), quiet });
  return () => live.delete(pid);
}

/** `ddev --here test awesome`: the program's name and its first arguments, enough to say what was stopped. */
export function shortCommand(command: string, args: readonly string[]): string {
  const words = [path.basename(command), ...args.slice(0, 3)].join(' ');
  return args.length > 3 ? `${words} …` : words;
}

export function killProcessGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false; // Already gone.
  }
}

/** Signals every live child's group; returns what it signalled (the commands, but for quiet helpers). */
export function signalChildren(signal: NodeJS.Signals): string[] {
  return [...live]
    .filter(([pid]) => killProcessGroup(pid, signal))
    .filter(([, child]) => !child.quiet)
    .map(([, child]) => child.said);
}

export const liveChildren = (): number => live.size;

/** The signal that stopped this process, once one did. */
export const stopSignal = (): NodeJS.Signals | undefined => stoppedBy;

export function markStopping(signal: NodeJS.Signals): void {
  stoppedBy ??= signal;
}

/** Runs `work` as cleanup: the processes it starts run even while stopping. */
export function asCleanup<T>(work: () => Promise<T>): Promise<T> {
  return cleanupScope.run(true, work);
}
