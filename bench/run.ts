// npm run bench: every speed figure the action issues ask for, measured in one run on this machine,
// each as a ratio against its alternative measured in the same run (medians after a warm-up).
// Writes bench/results.json and prints a markdown table. Not part of npm test.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintChangelog, parseChangelog } from '@aic/release-notes';
import { extrasCorpus, NO_CORPUS } from '@aic/release-notes/testing';
import { detectChanges } from '@aic/repository';
import { actionDir, ddevEnvironment, GitRepo, pythonTools, runAction } from '../test/harness/index.js';
import { markdownTable, median, ratioFigure, run, timeMedian, timeOnce, timePair, type Figure } from './measure.js';
import { extrasTargets, pipelineFigure, type PipelineTarget } from './pipeline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const tools = pythonTools();
const figures: Figure[] = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'aic-bench-'));
const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

async function setupDdevFigures(): Promise<void> {
  log('setup-ddev: cold (ours, uv) vs pipx install vs pip install, and warm');
  const version = tools.ddevVersion;
  const examples = path.join(root, 'examples');
  const pipxVenv = path.join(scratch, 'pipx-tool');
  run(tools.python, ['-m', 'venv', pipxVenv]);
  run(path.join(pipxVenv, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', 'pipx']);
  const ours: number[] = [];
  const pipx: number[] = [];
  const pip: number[] = [];
  let warmCache = '';
  for (let index = 0; index <= RUNS; index++) {
    const toolCache = mkdtempSync(path.join(scratch, 'tc-'));
    const uvCache = mkdtempSync(path.join(scratch, 'uvc-'));
    const env = {
      UV_CACHE_DIR: uvCache,
      PATH: process.env
        .PATH!.split(path.delimiter)
        .filter((dir) => !dir.includes('.tools'))
        .join(path.delimiter),
    };
    const oursMs = await timeOnce(async () => {
      const result = await runAction({
        actionDir: actionDir('setup-ddev'),
        workspace: examples,
        toolCache,
        inputs: { python: tools.python },
        env,
        timeoutMs: 900_000,
      });
      if (result.exitCode !== 0) throw new Error(result.stdout.slice(-2000));
    });
    const pipxHome = mkdtempSync(path.join(scratch, 'pipx-'));
    const pipxMs = await timeOnce(() =>
      run(path.join(pipxVenv, 'bin', 'pipx'), ['install', '--python', tools.python, `ddev==${version}`], {
        env: { ...process.env, PIPX_HOME: pipxHome, PIPX_BIN_DIR: path.join(pipxHome, 'bin'), PIP_NO_CACHE_DIR: '1' },
      }),
    );
    const venv = path.join(scratch, `pip-venv-${index}`);
    const pipMs = await timeOnce(() => {
      run(tools.python, ['-m', 'venv', venv]);
      run(path.join(venv, 'bin', 'python'), [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--no-cache-dir',
        '--disable-pip-version-check',
        `ddev==${version}`,
      ]);
    });
    if (index > 0) {
      ours.push(oursMs);
      pipx.push(pipxMs);
      pip.push(pipMs);
    }
    warmCache = toolCache;
    for (const dir of [uvCache, pipxHome, venv]) rmSync(dir, { recursive: true, force: true });
    if (index < RUNS) rmSync(toolCache, { recursive: true, force: true });
  }
  const warm = await timeMedian(async () => {
    const result = await runAction({
      actionDir: actionDir('setup-ddev'),
      workspace: examples,
      toolCache: warmCache,
      inputs: { python: tools.python },
    });
    if (result.outputs['cache-hit'] !== 'tool-cache') throw new Error('warm run missed the tool cache');
  }, RUNS);
  const [o, x, p] = [median(ours), median(pipx), median(pip)];
  figures.push(ratioFigure('setup-ddev cold vs pipx install ddev', o, x, 0.33, `ddev ${version}, empty caches`));
  figures.push(ratioFigure('setup-ddev cold vs pip install ddev (venv)', o, p, 1, `ddev ${version}, empty caches`));
  figures.push(ratioFigure('setup-ddev warm vs pipx install ddev', warm, x, 0.1, 'tool-cache hit'));
  figures.push({
    name: 'setup-ddev warm',
    value: Number((warm / 1000).toFixed(2)),
    unit: 's',
    goal: '≤ 1 s',
    pass: warm <= 1000,
    detail: 'tool-cache hit: the whole action (node start, inputs, tool cache, config, the warm ddev started)',
  });
}

async function startOverhead(): Promise<void> {
  log('start overhead and bundle size of each action');
  const bare = await timeMedian(() => void run(process.execPath, ['-e', '']), 10);
  for (const name of readdirSync(path.join(root, 'actions')).sort()) {
    const dist = path.join(root, 'actions', name, 'dist');
    const size = readdirSync(dist)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + statSync(path.join(dist, file)).size, 0);
    // An input error stops the action right after reading its inputs: start-up until the first real work.
    const started = await timeMedian(async () => {
      await runAction({
        actionDir: actionDir(name),
        inputs: { integrations: '../x', installer: 'x', tests: 'x', builder: 'x', mode: 'x' },
        post: false,
      });
    }, 10);
    figures.push({
      name: `${name} start overhead`,
      value: Math.round(started - bare),
      unit: 'ms',
      goal: 'report',
      pass: true,
      detail: `node dist/index.js to its input check: ${started.toFixed(0)} ms vs bare node ${bare.toFixed(0)} ms; bundle ${(size / 1024).toFixed(0)} KiB`,
    });
  }
}

async function testsFigure(): Promise<void> {
  log('run-integration-tests vs ddev test directly');
  const examples = path.join(root, 'examples');
  const env = ddevEnvironment(examples);
  const [ours, bare] = await timePair(
    async () => {
      const result = await runAction({
        actionDir: actionDir('run-integration-tests'),
        workspace: examples,
        inputs: { integrations: 'awesome' },
        env,
        timeoutMs: 900_000,
      });
      if (result.exitCode !== 0) throw new Error(result.stdout.slice(-2000));
    },
    () => {
      run(tools.ddev, ['--here', 'test', 'awesome'], { cwd: examples, env });
    },
    RUNS,
  );
  figures.push(
    ratioFigure('run-integration-tests vs ddev test', ours, bare, 1.1, 'every test, one session, on examples/awesome'),
  );
}

async function wheelFigures(): Promise<void> {
  log('build-wheel vs pip wheel');
  const repo = GitRepo.withExample();
  const env = ddevEnvironment(repo.path);
  const build = (smoke: boolean) =>
    runAction({
      actionDir: actionDir('build-wheel'),
      workspace: repo.path,
      inputs: {
        integrations: 'awesome',
        builder: 'pip',
        python: tools.python,
        'smoke-test': String(smoke),
        upload: 'false',
      },
      env,
      timeoutMs: 900_000,
    });
  const out = path.join(scratch, 'pip-wheel');
  const [ours, bare] = await timePair(
    async () => void (await build(false)),
    () =>
      void run(tools.python, ['-m', 'pip', 'wheel', '.', '--no-deps', '--wheel-dir', out, '--quiet'], {
        cwd: path.join(repo.path, 'awesome'),
      }),
    RUNS,
  );
  figures.push(
    ratioFigure('build-wheel + inspect vs pip wheel --no-deps', ours, bare, 1.15, 'examples/awesome, smoke test off'),
  );
  const withSmoke = await timeMedian(async () => void (await build(true)), RUNS);
  figures.push({
    name: 'build-wheel smoke test',
    value: Number(((withSmoke - ours) / 1000).toFixed(2)),
    unit: 's',
    goal: 'report',
    pass: true,
    detail: 'fresh uv venv + datadog-checks-base + the wheel, check loaded',
  });
}

async function pipelineFigures(): Promise<void> {
  const cli = path.join(root, 'packages', 'cli', 'bin', 'aic.js');
  const extras = extrasTargets();
  if (typeof extras === 'string') log(`no integrations-extras checkout, the example only: ${extras}`);
  const targets: PipelineTarget[] = [
    { label: 'examples/awesome', root: path.join(root, 'examples'), name: 'awesome' },
    ...(typeof extras === 'string' ? [] : extras),
  ];
  for (const target of targets) {
    log(`aic ci vs ddev test + ddev release build: ${target.label}`);
    try {
      figures.push(await pipelineFigure(target, RUNS, cli));
    } catch (error) {
      figures.push({
        name: `aic ci vs ddev test + ddev release build: ${target.label} (failed)`,
        value: 0,
        unit: 'ratio',
        goal: '≤ 1',
        pass: false,
        detail: String((error as Error).message)
          .split('\n')[0]!
          .slice(0, 300),
      });
    }
  }
}

async function planFigure(): Promise<void> {
  log('change planning on a 300-integration repository');
  const repo = GitRepo.create('aic-bench-300-');
  for (let index = 0; index < 300; index++) {
    const name = `check_${String(index).padStart(3, '0')}`;
    cpSync(path.join(root, 'examples', 'awesome'), path.join(repo.path, name), {
      recursive: true,
      filter: (source) => !/__pycache__|\.pytest_cache|\/dist$/.test(source),
    });
  }
  const base = repo.commitAll('300 integrations');
  repo.edit(
    'check_150/datadog_checks/awesome/check.py',
    "SERVICE_CHECK = 'search'",
    "SERVICE_CHECK = 'search'  # changed",
  );
  repo.commitAll('Touch one');
  const ours = await timeMedian(async () => {
    const plan = await detectChanges({ repoPath: repo.path, baseRef: base });
    if (plan.integrations.length !== 1) throw new Error('expected one changed integration');
  }, RUNS * 3);
  const bare = await timeMedian(
    () => void run('git', ['-C', repo.path, 'diff', '--name-only', base, 'HEAD']),
    RUNS * 3,
  );
  figures.push({
    name: 'plan: 300 integrations, one changed',
    value: Number((ours / 1000).toFixed(3)),
    unit: 's',
    goal: '≤ 1 s',
    pass: ours <= 1000,
    detail: `${ours.toFixed(0)} ms vs bare git diff ${bare.toFixed(0)} ms (${(ours / bare).toFixed(1)}×)`,
  });
}

async function notesFigure(): Promise<void> {
  log('release-notes lint of the 265 corpus files');
  const corpus = extrasCorpus();
  if (!corpus) {
    log(NO_CORPUS);
    return;
  }
  const texts = corpus.changelogs.map((changelog) => readFileSync(changelog.file, 'utf8'));
  const ours = await timeMedian(() => {
    for (const text of texts) lintChangelog(parseChangelog(text), '2026-11-24');
  }, 10);
  let lines = 0;
  const reading = await timeMedian(() => {
    lines = 0;
    for (const text of texts) lines += text.split('\n').length;
  }, 10);
  figures.push({
    name: `release-notes lint of ${texts.length} changelogs`,
    value: Number((ours / 1000).toFixed(4)),
    unit: 's',
    goal: '≤ 0.5 s',
    pass: ours <= 500,
    detail: `${ours.toFixed(1)} ms in one process (splitting their ${lines} lines alone: ${reading.toFixed(1)} ms)`,
  });
}

async function scaffoldFigure(): Promise<void> {
  log('scaffold-check over 100 integrations');
  const repo = GitRepo.create('aic-bench-100-');
  for (let index = 0; index < 100; index++) {
    const name = `check_${String(index).padStart(3, '0')}`;
    cpSync(path.join(root, 'examples', 'awesome'), path.join(repo.path, name), {
      recursive: true,
      filter: (source) => !/__pycache__|\.pytest_cache|\/dist$/.test(source),
    });
    const pkg = path.join(repo.path, name, 'datadog_checks');
    cpSync(path.join(pkg, 'awesome'), path.join(pkg, name), { recursive: true });
    rmSync(path.join(pkg, 'awesome'), { recursive: true, force: true });
    const pyproject = path.join(repo.path, name, 'pyproject.toml');
    writeFileSync(
      pyproject,
      readFileSync(pyproject, 'utf8')
        .replace(/awesome/g, name)
        .replace(`datadog-${name}`, `datadog-${name.replace(/_/g, '-')}`),
    );
  }
  repo.commitAll('100 integrations');
  const ours = await timeMedian(async () => {
    const result = await runAction({
      actionDir: actionDir('scaffold-check'),
      workspace: repo.path,
      inputs: { integrations: 'all', python: tools.python },
    });
    if (result.exitCode !== 0 || JSON.parse(result.outputs.checked!).length !== 100)
      throw new Error(result.stdout.slice(-1500));
  }, RUNS);
  const bare = await timeMedian(() => void run(tools.python, ['-c', 'pass']), RUNS);
  figures.push({
    name: 'scaffold-check all over 100 integrations',
    value: Number((ours / 1000).toFixed(2)),
    unit: 's',
    goal: '≤ 5 s',
    pass: ours <= 5000,
    detail: `the whole action, one Python process (bare Python start ${bare.toFixed(0)} ms)`,
  });
}

const only = process.argv.slice(2);
const suites: [string, () => Promise<void>][] = [
  ['notes', notesFigure],
  ['plan', planFigure],
  ['start', startOverhead],
  ['scaffold', scaffoldFigure],
  ['wheel', wheelFigures],
  ['tests', testsFigure],
  ['pipeline', pipelineFigures],
  ['setup', setupDdevFigures],
];
const resultsFile = path.join(root, 'bench', 'results.json');
const previous = ((): Record<string, unknown> => {
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
})();
for (const [name, suite] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  try {
    await suite();
  } catch (error) {
    const detail = String((error as Error).message)
      .split('\n')[0]!
      .slice(0, 200);
    figures.push({ name: `${name} (failed)`, value: 0, unit: 's', goal: 'runs', pass: false, detail });
  }
  // Written after every suite and merged with earlier figures, so a partial run (`npm run bench -- tests`) keeps the rest.
  const current = Object.fromEntries(figures.map(({ name: figure, ...rest }) => [figure, rest]));
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify({ ...(only.length > 0 ? previous : {}), ...current }, null, 2)}\n`);
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`${markdownTable(figures)}\n`);
