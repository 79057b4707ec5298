import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './harness/index.js';

// Wherever we ship a release, the sha256 of the wheels it attaches comes from the build's job or step output,
// never from the artifact (which any code holding a job's runner token can upload), and the artifact it
// downloads is the build job's by name, not every `wheels-*`.

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: unknown };
  outputs?: Record<string, string>;
  steps?: Step[];
}

const RELEASE = /(^|\/)actions\/release-integration(@|\/dist\/index\.js)/;
const BUILD = /(^|\/)actions\/build-wheel(@|\/dist\/index\.js)/;
const isRelease = (step: Step) => RELEASE.test(step.uses ?? step.run ?? '');
const isBuild = (step: Step) => BUILD.test(step.uses ?? step.run ?? '');

const workflows = readdirSync(path.join(repoRoot, '.github/workflows'))
  .filter((name) => name.endsWith('.yml'))
  .map((name) => [name, parse(readFileSync(path.join(repoRoot, '.github/workflows', name), 'utf8'))] as const)
  .filter(([, workflow]) =>
    Object.values((workflow as { jobs: Record<string, Job> }).jobs).some((job) => (job.steps ?? []).some(isRelease)),
  );

describe('the release trusts only the sha256 the build reported as an output', () => {
  test('the one-line action passes the build step output', () => {
    const steps = (parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } }).runs
      .steps;
    // The step that reports the wheels (a `background: start` half reports nothing).
    const build = steps.find((step) => isBuild(step) && step.with?.background !== 'start')!;
    const release = steps.find(isRelease)!;
    expect(release.with?.['wheel-hashes'] ?? release.env?.['INPUT_WHEEL-HASHES']).toBe(
      `\${{ steps.${build.id}.outputs.wheels }}`,
    );
  });

  test('some workflow we ship releases', () => {
    expect(workflows.length).toBeGreaterThan(0);
  });

  test.each(workflows)('%s: from a non-matrix build job, and only its artifact', (_name, workflow) => {
    const jobs = (workflow as { jobs: Record<string, Job> }).jobs;
    for (const job of Object.values(jobs).filter((j) => (j.steps ?? []).some(isRelease))) {
      const release = job.steps!.find(isRelease)!;
      const from = /^\$\{\{ needs\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(String(release.with?.['wheel-hashes']));
      expect(from).not.toBeNull();
      const [, buildJobName, output] = from!;
      expect([job.needs].flat()).toContain(buildJobName);
      const buildJob = jobs[buildJobName!]!;
      // One leg's output would overwrite another's: the hashes come from a job that builds every wheel.
      expect(buildJob.strategy?.matrix).toBeUndefined();
      const build = buildJob.steps!.find(isBuild)!;
      expect(buildJob.outputs?.[output!]).toBe(`\${{ steps.${build.id}.outputs.wheels }}`);
      for (const download of job.steps!.filter((step) => step.uses?.startsWith('actions/download-artifact@'))) {
        expect(download.with?.pattern).toBeUndefined();
        expect(download.with?.name).toBe(build.with?.['artifact-name']);
      }
    }
  });
});
