import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/index.js';

/** The engine scripts/docker-engine.sh runs: its DOCKER_HOST and DOCKER_CONFIG, when it answers. */
export interface Engine {
  env: { DOCKER_HOST: string; DOCKER_CONFIG: string };
  /** docker-registry's log (every request it served). */
  registryLog: string;
}

const script = path.join(repoRoot, 'scripts', 'docker-engine.sh');

export function findEngine(): Engine | undefined {
  const asked = spawnSync('bash', [script, 'env'], { encoding: 'utf8', timeout: 30_000 });
  const host = /DOCKER_HOST=(\S+)/.exec(asked.stdout)?.[1];
  const config = /DOCKER_CONFIG=(\S+)/.exec(asked.stdout)?.[1];
  if (asked.status !== 0 || !host || !config) return undefined;
  const state = process.env.AIC_ENGINE_DIR || '/run/aic-docker';
  return { env: { DOCKER_HOST: host, DOCKER_CONFIG: config }, registryLog: path.join(state, 'registry.log') };
}

/**
 * The suite needs the engine: under CI=true a missing engine fails the suite (CI starts it); elsewhere the suite is
 * skipped with one line saying how to get one.
 */
export function engineOrSkip(): Engine | undefined {
  const engine = findEngine();
  if (engine) return engine;
  const how = 'start one with `sudo bash scripts/docker-engine.sh up` (see the README)';
  if (process.env.CI === 'true') {
    throw new Error(`CI=true and no Docker engine answered at scripts/docker-engine.sh's socket: ${how}.`);
  }
  process.stderr.write(`skipped: the real-engine suite (test/engine): no Docker engine answered; ${how}.\n`);
  return undefined;
}

export function docker(engine: Engine, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('docker', args, {
    env: { ...process.env, ...engine.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Containers, networks and volumes labelled with the compose project: what a teardown must leave none of. */
export function leftovers(engine: Engine, project: string): string[] {
  const label = `label=com.docker.compose.project=${project}`;
  const list = (kind: string, args: string[]) =>
    docker(engine, [...args, '--filter', label, '--format', kind === 'container' ? '{{.Names}}' : '{{.Name}}'])
      .stdout.split('\n')
      .filter(Boolean)
      .map((name) => `${kind} ${name}`);
  return [
    ...list('container', ['ps', '-a']),
    ...list('network', ['network', 'ls']),
    ...list('volume', ['volume', 'ls']),
  ];
}

/** Reads what a file gained since `mark` (its size then). */
export const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);
export const readSince = (file: string, mark: number): string => readFileSync(file, 'utf8').slice(mark);

export async function waitFor(what: string, check: () => boolean, limitMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether a process runs (a zombie no one reaped yet is not running). */
export function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
