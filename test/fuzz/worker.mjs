// A worker thread for code that may hang: the main thread can terminate it, which it cannot do to a
// synchronous loop of its own. TypeScript sources load through tsx's scoped loader.
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

let runner;

parentPort.on('message', async (message) => {
  try {
    if (message.kind === 'call') {
      const module = await tsImport(message.module, import.meta.url);
      const started = performance.now();
      const value = await module[message.export](...message.args);
      parentPort.postMessage({ kind: 'called', ms: performance.now() - started, value: summarize(value) });
    } else if (message.kind === 'list') {
      const { targetNames } = await tsImport('./run-target.ts', import.meta.url);
      parentPort.postMessage({ kind: 'listed', names: targetNames() });
    } else if (message.kind === 'fuzz') {
      // One module graph, loaded once per worker: the targets and the UserError class they throw are its own.
      runner ??= await tsImport('./run-target.ts', import.meta.url);
      const { fuzzTarget, targets } = runner;
      for (const name of message.targets) {
        const target = targets.find((candidate) => candidate.name === name);
        if (!target) throw new Error(`No fuzz target ${name}.`);
        parentPort.postMessage({ kind: 'started', target: name });
        parentPort.postMessage({ kind: 'fuzzed', result: fuzzTarget(target, message.options) });
      }
    }
  } catch (error) {
    parentPort.postMessage({ kind: 'crashed', error: String(error?.stack ?? error) });
  }
});

/** Structured-clonable and small: the caller asserts on shapes, not on megabytes. */
function summarize(value) {
  return JSON.parse(
    JSON.stringify(value ?? null, (_key, item) =>
      typeof item === 'string' && item.length > 200 ? `${item.slice(0, 200)}…(${item.length})` : item,
    ),
  );
}
