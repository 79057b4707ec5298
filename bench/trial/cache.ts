import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Side, StepName, StepResult } from './types.js';

interface CacheFile {
  version: 1;
  entries: Record<string, StepResult>;
}

/**
 * Results per commit, side version, check and step, in one JSON file (written whole after each step, so an
 * interrupted run keeps what it measured). Our side's version is the hash of the bundle that produced the
 * result, theirs the ddev version: a rebundled action re-runs only its own steps.
 */
export class ResultCache {
  private readonly data: CacheFile;
  /** With `fresh`, only what this run wrote is read back. */
  private readonly written = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly commit: string,
    private readonly fresh = false,
  ) {
    this.data = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CacheFile) : { version: 1, entries: {} };
  }

  private key(side: Side, version: string, check: string, step: StepName): string {
    return [this.commit, `${side}@${version}`, check, step].join('|');
  }

  get(side: Side, version: string, check: string, step: StepName): StepResult | undefined {
    const key = this.key(side, version, check, step);
    return this.fresh && !this.written.has(key) ? undefined : this.data.entries[key];
  }

  set(side: Side, version: string, check: string, step: StepName, result: StepResult): void {
    const key = this.key(side, version, check, step);
    this.data.entries[key] = result;
    this.written.add(key);
    // Another run may share the file (two --steps runs at once): keep what it wrote since we read it.
    if (existsSync(this.file)) {
      const onDisk = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      for (const [other, value] of Object.entries(onDisk.entries))
        if (!this.written.has(other)) this.data.entries[other] = value;
    }
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.data, null, 1)}\n`);
    renameSync(temp, this.file);
  }
}

/** A short hash of an action's bundle (every file of its dist/); `absent` when it has none. */
export function bundleHash(actionDir: string): string {
  const dist = path.join(actionDir, 'dist');
  if (!existsSync(path.join(dist, 'index.js'))) return 'absent';
  const hash = createHash('sha256');
  for (const file of readdirSync(dist).sort()) {
    if (!file.endsWith('.js')) continue;
    hash.update(file).update(readFileSync(path.join(dist, file)));
  }
  return hash.digest('hex').slice(0, 12);
}
