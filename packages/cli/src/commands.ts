import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseVersionRequest, PINNED_DDEV_VERSION } from '@aic/ddev';
import { DEFAULT_TAG_FORMAT, utcToday } from '@aic/release-notes';
import {
  changeKind,
  hasPythonPackage,
  parseIntegrationsSpec,
  resolveIntegrationsPath,
  selectIntegrations,
  type SelectedIntegration,
} from '@aic/repository';
import {
  annotateFindings,
  countFindings,
  describeCounts,
  stopSignal,
  UserError,
  type Finding,
  type Reporter,
} from '@aic/runtime';
import { buildWheel, resolveOutDir } from '@aic/steps/build-wheel';
import { runIntegrationTests } from '@aic/steps/integration-tests';
import { checkPullRequest, lintChangelogFile } from '@aic/steps/release-notes';
import { scaffoldCheck } from '@aic/steps/scaffold-check';
import { runRelease } from '@aic/steps/release';
import { setupDdev, stopDdevServer, type SetupDdevResult } from '@aic/steps/setup-ddev';
import type { CliOptions } from './args.js';
import type { Stage, StageGroup, StageOutcome } from './stages.js';
import { fixStage, repositoryValidationStage, validationStage } from './validation-stages.js';

/** What the stages share as they run: the integrations the plan chose, the ddev setup installed. */
interface Context {
  repo: string;
  integrations: SelectedIntegration[];
  ddev: SetupDdevResult | undefined;
  python: string;
  /** Integrations whose change is docs only: the reusable workflow runs no tests and builds no wheel for them. */
  docsOnly: Set<string>;
  /** This run's own temp folder (ddev config, JUnit reports, smoke envs): two runs never share one. */
  temp: string;
  /** The folder that holds the integrations, relative to the repository. */
  within: string;
}

const DOCS_ONLY: StageOutcome = { status: 'skipped', detail: 'docs-only change: no tests or wheel needed' };
const TILE_ONLY: StageOutcome = { status: 'skipped', detail: 'tile-only integration: no Python package' };

/**
 * Tests and wheels are for what ships: not for a tile-only folder (no Python: Datadog's CI runs none), nor for a
 * docs-only change (the reusable workflow runs neither).
 */
function shipping(stage: Stage, context: Context, integration: SelectedIntegration): Stage {
  return {
    ...stage,
    run: (reporter) =>
      !hasPythonPackage(integration.path)
        ? Promise.resolve(TILE_ONLY)
        : context.docsOnly.has(integration.name)
          ? Promise.resolve(DOCS_ONLY)
          : stage.run(reporter),
  };
}

/**
 * Each finding as an annotation (the summary's Problems list and --json carry them), and the stage's outcome:
 * failed on any error, `detail` around the error and warning counts.
 */
function reportFindings(
  reporter: Reporter,
  findings: readonly Finding[],
  what: string,
  detail = (counts: string) => counts,
): StageOutcome {
  const counts = annotateFindings(reporter, findings, what);
  return { status: counts.errors > 0 ? 'failed' : 'passed', detail: detail(describeCounts(counts)) };
}

function planStage(options: CliOptions, context: Context): Stage {
  return {
    step: 'plan',
    async run(reporter) {
      const spec = parseIntegrationsSpec(options.integrations.join(','));
      if (spec && 'problem' in spec) throw new UserError(`--integration: ${spec.problem}`);
      context.within = resolveIntegrationsPath(options.integrationsPath, context.repo, '--integrations-path');
      const selection = await selectIntegrations({
        repoPath: context.repo,
        spec,
        within: context.within,
        baseRef: options.base,
        reporter,
      });
      context.integrations = selection.integrations;
      for (const item of selection.selection === 'changed' ? selection.integrations : []) {
        if (item.docsOnly) context.docsOnly.add(item.name);
        reporter.log(`${item.name}: ${changeKind(item)} — ${item.reason}`);
      }
      if (context.integrations.length === 0) return { status: 'passed', detail: 'no integration changed' };
      return { status: 'passed', detail: context.integrations.map((i) => i.name).join(', ') };
    },
  };
}

function setupStage(options: CliOptions, context: Context): Stage {
  return {
    step: 'setup ddev',
    async run(reporter) {
      const version = parseVersionRequest(options.ddevVersion ?? PINNED_DDEV_VERSION);
      if ('problem' in version) throw new UserError(`--ddev-version: ${version.problem}`);
      const result = await setupDdev({
        version,
        python: context.python,
        installer: 'uv',
        repo: options.repoKind,
        repoPath: context.repo,
        within: context.within,
        toolCache: path.join(os.tmpdir(), 'aic-tool-cache'),
        temp: context.temp,
        os: process.platform,
        arch: process.arch,
        server: true,
        reporter,
      });
      reporter.addPath(result.binDir);
      if (result.server) reporter.addPath(result.server.binDir);
      for (const [name, value] of Object.entries(result.env)) reporter.exportVariable(name, value);
      context.ddev = result;
      return {
        status: 'passed',
        detail: `ddev ${result.ddevVersion} (${result.cacheHit === 'false' ? 'installed' : result.cacheHit}), repo ${result.repo}`,
      };
    },
  };
}

function checkStage(options: CliOptions, context: Context, integration: SelectedIntegration): Stage {
  return {
    step: 'scaffold check',
    integration: integration.name,
    async run(reporter): Promise<StageOutcome> {
      const [result] = await scaffoldCheck({
        repoPath: context.repo,
        integrations: [integration],
        strict: 'auto',
        baseRef: options.base,
        python: context.python,
        temp: context.temp,
        reporter,
      });
      if (!result || result.skipped) return { status: 'skipped', detail: result?.skipped ?? 'nothing to check' };
      return reportFindings(
        reporter,
        result.findings,
        'scaffold check',
        (counts) => `${counts}${result.strict ? ' (strict)' : ''}`,
      );
    },
  };
}

function notesStage(options: CliOptions, context: Context, integration: SelectedIntegration): Stage {
  return {
    step: 'release notes',
    integration: integration.name,
    async run(reporter): Promise<StageOutcome> {
      const result = options.base
        ? await checkPullRequest({ repoPath: context.repo, integration, baseRef: options.base, today: utcToday() })
        : lintChangelogFile(context.repo, path.join(integration.path, 'CHANGELOG.md'), utcToday());
      return reportFindings(
        reporter,
        result.findings,
        'release notes',
        (counts) => `${result.version}: ${result.decision} ${counts}`,
      );
    },
  };
}

function testStage(options: CliOptions, context: Context, integration: SelectedIntegration): Stage {
  return {
    step: 'tests',
    integration: integration.name,
    async run(reporter): Promise<StageOutcome> {
      if (!context.ddev) return { status: 'skipped', detail: 'ddev is not set up' };
      const run = await runIntegrationTests({
        repoPath: context.repo,
        integrations: [integration],
        // Every test in one session, as Datadog's CI runs them; --tests unit|integration filters by marker.
        markers: options.tests === 'all' ? undefined : options.tests,
        pytestArgs: options.pytestArgs,
        ddevArgs: [],
        composeFiles: undefined,
        pull: true,
        pullRetries: 3,
        pullBaseDelayMs: 5_000,
        junit: true,
        reportDir: path.join(context.temp, 'junit'),
        reporter,
      });
      const stoppedBy = stopSignal();
      if (stoppedBy) return { status: 'failed', detail: `stopped by ${stoppedBy}` };
      const [result] = run.results;
      if (!result) return { status: 'skipped', detail: 'nothing to run' };
      if (result.reason) {
        reporter.annotate({
          level: result.outcome === 'failed' ? 'error' : 'notice',
          message: `tests: ${result.reason}`,
          ...(result.reasonLocation ? { file: result.reasonLocation.file, line: result.reasonLocation.line } : {}),
        });
      }
      const engineSaid =
        run.composeFiles.length === 0 ? '' : run.engine ? '; Docker engine answered' : '; no Docker engine answered';
      const pull = run.pullProblem ? `; pre-pull failed: ${run.pullProblem}` : '';
      if (result.outcome === 'no-tests') return { status: 'skipped', detail: `${result.reason}${engineSaid}` };
      const { passed, failed, errors, skipped } = result.counts;
      const counts = `${passed} passed, ${failed} failed, ${errors} error${errors === 1 ? '' : 's'}, ${skipped} skipped`;
      return {
        status: run.pullProblem ? 'failed' : result.outcome,
        detail: `${result.reason ? `${result.reason} (${counts})` : counts}${engineSaid}${pull}`,
      };
    },
  };
}

function wheelStage(options: CliOptions, context: Context, integration: SelectedIntegration): Stage {
  return {
    step: 'wheel',
    integration: integration.name,
    async run(reporter): Promise<StageOutcome> {
      const outDir = resolveOutDir(context.repo, options.outDir ?? 'dist');
      const wheel = await buildWheel({
        repoPath: context.repo,
        workspace: context.repo,
        integration,
        builder: options.builder ?? (context.ddev ? 'ddev' : 'pip'),
        outDir,
        python: context.python,
        smokeTest: options.smokeTest,
        agentRequirements: options.agentRequirements,
        temp: context.temp,
        toolCache: path.join(os.tmpdir(), 'aic-tool-cache'),
        reporter,
      });
      annotateFindings(reporter, wheel.findings, `wheel ${wheel.filename}`);
      annotateFindings(reporter, wheel.smoke?.findings ?? [], `wheel ${wheel.filename}: smoke test`);
      const errors = countFindings(wheel.findings).errors + (wheel.smoke?.ok === false ? 1 : 0);
      const smoke = wheel.smoke
        ? wheel.smoke.ok
          ? `smoke test ✓ (${(wheel.smoke.durationMs / 1000).toFixed(1)}s)`
          : `smoke test ✗: ${wheel.smoke.detail}`
        : '';
      return {
        status: errors > 0 ? 'failed' : 'passed',
        detail: `${wheel.filename} ${wheel.sha256.slice(0, 12)}… ${smoke}`.trim(),
      };
    },
  };
}

function releaseStage(options: CliOptions, context: Context): Stage {
  return {
    step: 'release (dry run)',
    async run(reporter): Promise<StageOutcome> {
      const result = await runRelease({
        repoPath: context.repo,
        integrations: context.integrations,
        baseRef: options.base,
        tagFormat: DEFAULT_TAG_FORMAT,
        wheelsDir: options.outDir ? path.resolve(context.repo, options.outDir) : undefined,
        remote: { name: 'origin' },
        dryRun: true,
        github: undefined,
        reporter,
      });
      const planned = result.planned.map((release) => `${release.tag} (${release.tagState})`);
      return {
        status: 'passed',
        detail:
          planned.length > 0
            ? `would release ${planned.join(', ')}`
            : `nothing to release (${result.skipped.map((s) => `${s.integration}: ${s.reason}`).join('; ')})`,
      };
    },
  };
}

/** The stages of a command, in the order the reusable workflow runs them; `close` ends what they leave running. */
export interface CommandPlan {
  stages: (Stage | StageGroup)[];
  close(): void;
}

export async function commandStages(options: CliOptions, temp: string): Promise<CommandPlan> {
  const context = newContext(options, temp);
  return {
    stages: stagesOf(options, context),
    close: () => {
      if (context.ddev?.server) stopDdevServer(context.ddev.server.dir);
    },
  };
}

function newContext(options: CliOptions, temp: string): Context {
  const repo = path.resolve(options.repo);
  if (!existsSync(repo)) throw new UserError(`--repo ${options.repo} does not exist.`);
  return {
    repo,
    integrations: [],
    ddev: undefined,
    python: options.python,
    docsOnly: new Set(),
    temp,
    within: '',
  };
}

function stagesOf(options: CliOptions, context: Context): (Stage | StageGroup)[] {
  const perIntegration = (title: string, make: (integration: SelectedIntegration) => Stage[]): StageGroup => ({
    title,
    stages: () => context.integrations.flatMap(make),
  });

  switch (options.command) {
    case 'plan':
      return [planStage(options, context)];
    case 'notes':
      if (options.changelog) {
        // Findings name the file relative to the current directory.
        const file = path.resolve(options.changelog);
        return [
          {
            step: 'release notes',
            async run(reporter) {
              return reportFindings(
                reporter,
                lintChangelogFile(process.cwd(), file, utcToday()).findings,
                'release notes',
              );
            },
          },
        ];
      }
      return [planStage(options, context), perIntegration('Release notes', (i) => [notesStage(options, context, i)])];
    case 'check':
      return [planStage(options, context), perIntegration('Scaffold check', (i) => [checkStage(options, context, i)])];
    case 'release':
      return [planStage(options, context), releaseStage(options, context)];
    case 'validate':
      return [
        planStage(options, context),
        setupStage(options, context),
        perIntegration('Datadog validations', (i) => [validationStage(context, i)]),
        repositoryValidationStage(context),
      ];
    case 'fix':
      return [
        planStage(options, context),
        setupStage(options, context),
        perIntegration('Fix', (i) => [fixStage(context, i)]),
      ];
    case 'test':
      return [
        planStage(options, context),
        setupStage(options, context),
        perIntegration('Tests', (i) => [shipping(testStage(options, context, i), context, i)]),
      ];
    case 'wheel':
      return [
        planStage(options, context),
        setupStage(options, context),
        perIntegration('Wheels', (i) => [shipping(wheelStage(options, context, i), context, i)]),
      ];
    case 'ci':
      return [
        planStage(options, context),
        setupStage(options, context),
        // No stage needs another's result: two run at once (the machine's cores), the tests and the wheel first.
        {
          title: 'Integrations',
          workers: 2,
          stages: () => [
            ...context.integrations.flatMap((i) => [
              checkStage(options, context, i),
              { ...validationStage(context, i), weight: 1 },
              notesStage(options, context, i),
              { ...shipping(testStage(options, context, i), context, i), weight: 3 },
              { ...shipping(wheelStage(options, context, i), context, i), weight: 2 },
            ]),
            repositoryValidationStage(context),
          ],
        },
      ];
  }
}
