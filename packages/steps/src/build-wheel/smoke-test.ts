import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { lastLines, runProcess, type Reporter } from '@aic/runtime';
import { materializePythonScript } from '../python-script.js';
import type { AgentEnvironment } from './agent-env.js';

export interface SmokeFinding {
  rule: string;
  level: 'error' | 'warning';
  message: string;
  /** Inside the wheel (`datadog_checks/<name>/check.py`), when Python located it. */
  file?: string;
  line?: number;
}

export interface SmokeResult {
  ok: boolean;
  detail: string;
  durationMs: number;
  findings: SmokeFinding[];
  /** `datadog_checks.awesome.check.AwesomeCheck`; undefined for a JMX integration or when none loads. */
  checkClass: string | undefined;
  agentSet: {
    source: string;
    complete: boolean;
    reused: boolean;
    durationMs: number;
    notInstalled: string[];
    cache: { key: string; paths: string[] };
  };
}

export interface SmokeOptions {
  integration: string;
  /** The project name from METADATA (`datadog-awesome`). */
  distribution: string;
  wheelPath: string;
  confExample: string;
  jmx: boolean;
  uv: string;
  environment: AgentEnvironment;
  temp: string;
  reporter: Reporter;
}

/**
 * Installs the wheel as `datadog-agent integration install` does (pip `--no-deps --no-index`) beside the Agent's
 * package set — into its own folder on PYTHONPATH, so that the cached set stays untouched — then loads the check.
 */
export async function smokeTest(options: SmokeOptions): Promise<SmokeResult> {
  const { reporter, environment } = options;
  const started = Date.now();
  const agentSet = {
    source: environment.source,
    complete: environment.complete,
    reused: !environment.built,
    durationMs: environment.durationMs,
    cache: environment.cache,
    notInstalled: environment.failed.map((f) => f.line),
  };
  const result = (findings: SmokeFinding[], checkClass?: string, detail?: string): SmokeResult => {
    const errors = findings.filter((f) => f.level === 'error');
    return {
      ok: errors.length === 0,
      detail:
        errors[0]?.message ??
        detail ??
        (checkClass
          ? `loaded ${checkClass} with the first instance of conf.yaml.example`
          : `not loaded: ${findings.find((f) => f.rule === 'agent-import')?.message ?? 'no check class'}`),
      durationMs: Date.now() - started,
      findings,
      checkClass,
      agentSet,
    };
  };
  const overlay = path.join(options.temp, 'agent-integration-ci', 'smoke', `${options.integration}-${process.pid}`);
  rmSync(overlay, { recursive: true, force: true });
  mkdirSync(overlay, { recursive: true });
  try {
    const install = await runProcess(
      options.uv,
      [
        'pip',
        'install',
        '--quiet',
        '--no-deps',
        '--no-index',
        '--python',
        environment.python,
        '--target',
        overlay,
        options.wheelPath,
      ],
      { reporter, timeoutMs: 300_000 },
    );
    if (install.exitCode !== 0) {
      return result([
        {
          rule: 'install',
          level: 'error',
          message: `Installing ${path.basename(options.wheelPath)} into the Agent's Python failed: ${lastLines(install.stderr || install.stdout, 3).join(' ')}`,
        },
      ]);
    }
    const script = materializePythonScript(
      'smoke_test_wheel.py',
      path.join(options.temp, 'agent-integration-ci', 'python'),
    );
    const run = await runProcess(
      environment.python,
      [script, options.integration, options.distribution, options.confExample, options.jmx ? '1' : '0'],
      {
        reporter,
        timeoutMs: 300_000,
        cwd: overlay,
        env: { ...process.env, PYTHONPATH: overlay, PYTHONNOUSERSITE: '1', PYTHONDONTWRITEBYTECODE: '1' },
      },
    );
    let verdict: { check_class?: string | null; jmx?: boolean; findings?: SmokeFinding[] };
    try {
      verdict = JSON.parse(lastLines(run.stdout, 1)[0] ?? '') as typeof verdict;
    } catch {
      return result([
        {
          rule: 'smoke-test',
          level: 'error',
          message: `Loading the check crashed: ${lastLines(run.stderr || run.stdout, 3).join(' ')}`,
        },
      ]);
    }
    const findings = (verdict.findings ?? []).map((finding) =>
      finding.rule === 'agent-import' && !environment.complete
        ? {
            ...finding,
            level: 'warning' as const,
            message: `${finding.message} (Checked against the PyPI-only set, which lacks most packages the Agent ships: set agent-requirements to the Agent's agent_requirements.in to be sure.)`,
          }
        : finding,
    );
    return result(
      findings,
      verdict.check_class ?? undefined,
      verdict.jmx ? 'a JMX integration: imported; JMXFetch runs it, no check class to load' : undefined,
    );
  } finally {
    rmSync(overlay, { recursive: true, force: true });
  }
}
