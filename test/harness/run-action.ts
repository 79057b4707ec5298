import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateDefault, inputVariable, readActionMetadata } from './action-metadata.js';
import { parseAnnotations, parseKeyValueFile, type ParsedAnnotation } from './workflow-commands.js';

export interface RunOptions {
  /** Folder with action.yml and the bundled dist/. */
  actionDir: string;
  inputs?: Record<string, string>;
  /** The checkout; a new temp dir when absent. */
  workspace?: string;
  /** Runner temp and tool cache; new temp dirs when absent (pass the same ones to share a tool cache). */
  runnerTemp?: string;
  toolCache?: string;
  eventName?: string;
  event?: unknown;
  /** Extra environment (e.g. PATH with a recording `docker` first). */
  env?: Record<string, string | undefined>;
  /** Run the `post:` step after main, with the state main saved. Default true when the action has one. */
  post?: boolean;
  timeoutMs?: number;
  /** Called with each step's process once started (e.g. to signal it as a cancelled job would). */
  onSpawn?: (child: ChildProcess, stage: 'main' | 'post') => void;
}

export interface StepRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** Variables exported through GITHUB_ENV. */
  env: Record<string, string>;
  /** Directories added through GITHUB_PATH. */
  path: string[];
  state: Record<string, string>;
  summary: string;
  annotations: ParsedAnnotation[];
  durationMs: number;
}

export interface ActionRun extends StepRun {
  post?: StepRun;
  workspace: string;
  runnerTemp: string;
  toolCache: string;
}

const read = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Runs a bundled action the way the GitHub runner does: `node <main>` with INPUT_* variables
 * (defaults from action.yml), the GITHUB_* command files, a workspace, runner temp and tool cache,
 * an event payload — then the post step with STATE_* from what main saved.
 */
const scratchDirs: string[] = [];

/** Removes every scratch folder (workspace, temp, tool cache, command files) the runs of this process made. */
export function removeRunnerScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const metadata = readActionMetadata(options.actionDir);
  if (!metadata.runs.using.startsWith('node')) throw new Error(`${options.actionDir} is not a node action`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-runner-'));
  scratchDirs.push(scratch);
  const workspace = options.workspace ?? mkdirIn(scratch, 'workspace');
  const runnerTemp = options.runnerTemp ?? mkdirIn(scratch, 'temp');
  const toolCache = options.toolCache ?? mkdirIn(scratch, 'tool-cache');
  const eventPath = path.join(scratch, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));

  const context = { 'github.workspace': workspace, 'runner.temp': runnerTemp, 'github.token': '' };
  const inputEnv: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata.inputs)) {
    if (input.default !== undefined) inputEnv[inputVariable(name)] = evaluateDefault(String(input.default), context);
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) inputEnv[inputVariable(name)] = value;

  const baseEnv: Record<string, string | undefined> = {
    ...withoutRunnerVariables(process.env),
    ...inputEnv,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'partner/integrations',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_ACTION_PATH: path.resolve(options.actionDir),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    ...options.env,
  };

  const main = await runStep(
    path.join(options.actionDir, metadata.runs.main!),
    baseEnv,
    scratch,
    'main',
    workspace,
    options.timeoutMs,
    options.onSpawn,
  );
  const run: ActionRun = { ...main, workspace, runnerTemp, toolCache };
  if (metadata.runs.post && options.post !== false) {
    const stateEnv = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]));
    run.post = await runStep(
      path.join(options.actionDir, metadata.runs.post),
      { ...baseEnv, ...stateEnv },
      scratch,
      'post',
      workspace,
      options.timeoutMs,
      options.onSpawn,
    );
  }
  return run;
}

function mkdirIn(parent: string, name: string): string {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A test run inside a real workflow must not write into that workflow's files. */
function withoutRunnerVariables(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const copy: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/.test(key)) continue;
    copy[key] = value;
  }
  return copy;
}

async function runStep(
  script: string,
  env: Record<string, string | undefined>,
  scratch: string,
  stage: 'main' | 'post',
  cwd: string,
  timeoutMs = 600_000,
  onSpawn?: RunOptions['onSpawn'],
): Promise<StepRun> {
  const files = {
    GITHUB_OUTPUT: path.join(scratch, `${stage}-output`),
    GITHUB_ENV: path.join(scratch, `${stage}-env`),
    GITHUB_PATH: path.join(scratch, `${stage}-path`),
    GITHUB_STATE: path.join(scratch, `${stage}-state`),
    GITHUB_STEP_SUMMARY: path.join(scratch, `${stage}-summary.md`),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const started = Date.now();
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [path.resolve(script)], { cwd, env: { ...env, ...files }, shell: false });
      onSpawn?.(child, stage);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ exitCode: code ?? 1, stdout, stderr });
      });
    },
  );
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseKeyValueFile(read(files.GITHUB_OUTPUT)),
    env: parseKeyValueFile(read(files.GITHUB_ENV)),
    path: read(files.GITHUB_PATH).split('\n').filter(Boolean),
    state: parseKeyValueFile(read(files.GITHUB_STATE)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    annotations: parseAnnotations(stdout),
    durationMs: Date.now() - started,
  };
}
