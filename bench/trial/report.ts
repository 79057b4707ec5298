// The one table: per step, how many checks agree; then each disagreement with both sides' reasons, those
// this machine causes apart and named.
import type { Pair } from './results.js';
import { formatCounts } from './test-counts.js';
import { REPOSITORY, type MachineCause, type StepName, type StepResult } from './types.js';

export interface Disagreement {
  check: string;
  step: StepName;
  ours: StepResult;
  theirs: StepResult;
  /** `count`: same verdict, but not the same number of tests. */
  kind: 'verdict' | 'count';
  machine?: MachineCause;
}

export interface StepRow {
  step: StepName;
  compared: number;
  agree: number;
  disagreeCode: number;
  disagreeMachine: number;
  /** Agreements where both sides failed for this machine's reasons: no evidence either way. */
  agreeMachineFail: number;
  oursFail: number;
  theirsFail: number;
  oursNotRun: number;
}

export interface TableInput {
  commit: string;
  checks: number;
  tileOnly: number;
  versions: string;
  /** check → step → pair */
  results: Map<string, Map<StepName, Pair>>;
  steps: readonly StepName[];
}

const machineOf = (pair: Required<Pair>): MachineCause | undefined => pair.ours.machine ?? pair.theirs.machine;

export function compare(input: TableInput): { rows: StepRow[]; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  const rows = input.steps.map((step): StepRow => {
    const row: StepRow = {
      step,
      compared: 0,
      agree: 0,
      disagreeCode: 0,
      disagreeMachine: 0,
      agreeMachineFail: 0,
      oursFail: 0,
      theirsFail: 0,
      oursNotRun: 0,
    };
    for (const [check, steps] of input.results) {
      const pair = steps.get(step);
      if (!pair?.ours || !pair.theirs) continue;
      const both = pair as Required<Pair>;
      row.compared++;
      if (both.ours.verdict === 'fail') row.oursFail++;
      if (both.theirs.verdict === 'fail') row.theirsFail++;
      if (!both.ours.ran) row.oursNotRun++;
      const machine = machineOf(both);
      const countsDiffer =
        step === 'tests' && both.ours.tests && both.theirs.tests && both.ours.tests.total !== both.theirs.tests.total;
      if (both.ours.verdict === both.theirs.verdict && !countsDiffer) {
        row.agree++;
        if (both.ours.verdict === 'fail' && machine) row.agreeMachineFail++;
        continue;
      }
      // Not the same number of tests is the code's doing, whatever else this machine broke.
      const byMachine = machine && !countsDiffer;
      if (byMachine) row.disagreeMachine++;
      else row.disagreeCode++;
      disagreements.push({
        check,
        step,
        ours: both.ours,
        theirs: both.theirs,
        kind: countsDiffer ? 'count' : 'verdict',
        ...(machine ? { machine } : {}),
      });
    }
    return row;
  });
  return { rows, disagreements };
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function side(result: StepResult, step: StepName): string {
  const verdict = !result.ran ? 'not run (green)' : result.verdict === 'pass' ? 'pass' : 'FAIL';
  return step === 'tests' ? `${verdict}, ${formatCounts(result.tests)} tests` : verdict;
}

function disagreementTable(list: readonly Disagreement[]): string[] {
  const lines = ['| Check | Step | Ours | Theirs | Why (ours) | Why (theirs) |', '|---|---|---|---|---|---|'];
  for (const d of list) {
    lines.push(
      `| ${cell(d.check)} | ${cell(d.step)}${d.kind === 'count' ? ' (count)' : ''}${d.machine ? ` [${d.machine} here]` : ''} | ${cell(side(d.ours, d.step))} | ${cell(side(d.theirs, d.step))} | ${cell(d.ours.reason || '—')} | ${cell(d.theirs.reason || '—')} |`,
    );
  }
  return lines;
}

const machineNames: Record<MachineCause, string> = {
  'no-docker': 'no Docker engine on this machine (dd_environment / docker compose fixtures cannot start)',
  'hatch-interpreter':
    'hatch wants a Python interpreter that is not on PATH here and cannot download one (no network to python-build-standalone)',
  'no-system-tool': 'the tests call a command GitHub’s runners have and this machine lacks (e.g. ping)',
};

export function renderMarkdown(input: TableInput, generatedAt: Date): string {
  const { rows, disagreements } = compare(input);
  const withResults = [...input.results]
    .filter(([check]) => check !== REPOSITORY)
    .map(([, steps]) => steps)
    .filter((steps) => [...steps.values()].some((p) => p.ours && p.theirs)).length;
  const lines = [
    '# integrations-extras trial: our pipeline vs Datadog’s gate',
    '',
    `Commit ${input.commit}; ${input.checks} Agent checks (${input.tileOnly} tile-only folders, not compared); ${withResults} checks with results. ${input.versions}. Generated ${generatedAt.toISOString()} by \`npm run extras-trial\`.`,
    '',
    '“Agree” = same verdict (for tests also the same number of tests run). “Machine” = a side failed for a reason of this machine (named below).',
    '',
    '| Step | Compared | Agree | Disagree | Disagree (machine) | Both fail (machine) | Ours ✗ | Theirs ✗ | Ours not run |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.step} | ${r.compared} | ${r.agree} | ${r.disagreeCode} | ${r.disagreeMachine} | ${r.agreeMachineFail} | ${r.oursFail} | ${r.theirsFail} | ${r.oursNotRun} |`,
    ),
  ];
  const tests = [...input.results.values()]
    .map((steps) => steps.get('tests'))
    .filter((p) => p?.ours?.tests && p.theirs?.tests);
  if (tests.length > 0) {
    const sum = (pick: (p: Pair) => number) => tests.reduce((total, p) => total + pick(p!), 0);
    lines.push(
      '',
      `Tests run, summed over the ${tests.length} checks where both sides counted: ours ${sum((p) => p.ours!.tests!.total)}, theirs ${sum((p) => p.theirs!.tests!.total)}.`,
    );
  }
  const byMachine = (d: Disagreement) => d.machine !== undefined && d.kind === 'verdict';
  const code = disagreements.filter((d) => !byMachine(d));
  const machine = disagreements.filter(byMachine);
  lines.push('', `## Disagreements (${code.length})`, '', ...(code.length ? disagreementTable(code) : ['None.']));
  lines.push('', `## Disagreements this machine causes (${machine.length})`, '');
  for (const cause of Object.keys(machineNames) as MachineCause[]) {
    const named = machine.filter((d) => d.machine === cause);
    if (named.length) lines.push(`- **${cause}**: ${machineNames[cause]} — ${named.length}`);
  }
  lines.push('', ...(machine.length ? disagreementTable(machine) : ['None.']), '');
  return lines.join('\n');
}
