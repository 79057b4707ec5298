// The validate-integration action is being written on another branch: its exact outputs are not known here.
// This maps one run of it onto one verdict per validation (and lint): from its summary's table of validations
// when it writes one, else a JSON output keyed by validation (or a list of {validation|name, ok|status|…}),
// else its error annotations naming the validation, else — failed, and nothing says which — every one it mentions.
import type { ActionRun } from '../../test/harness/index.js';
import { verdictOfRun } from './ours.js';
import {
  CHECK_VALIDATIONS,
  REPO_VALIDATIONS,
  validationStep,
  type StepName,
  type StepResult,
  type Verdict,
} from './types.js';

/** What the action's run says about one validation (`lint` for `ddev test --lint`). */
type Mentioned = { verdict: Verdict; reason: string } | undefined;

const failWords = /^(fail|failed|failure|error|errors|false|✗)$/i;

function verdictOfValue(value: unknown): Verdict | undefined {
  if (typeof value === 'boolean') return value ? 'pass' : 'fail';
  if (typeof value === 'number') return value === 0 ? 'pass' : 'fail';
  if (typeof value === 'string')
    return failWords.test(value) ? 'fail' : /^(pass|passed|ok|success|true|✓)$/i.test(value) ? 'pass' : undefined;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['ok', 'passed', 'success', 'status', 'verdict', 'result', 'errors', 'failed']) {
      if (!(key in record)) continue;
      const verdict = verdictOfValue(record[key]);
      if (verdict)
        return key === 'failed' && typeof record[key] === 'boolean' ? (record[key] ? 'fail' : 'pass') : verdict;
    }
  }
  return undefined;
}

function fromOutputs(run: ActionRun, validation: string): Mentioned {
  for (const text of Object.values(run.outputs)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(parsed)
      ? parsed
          .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
          .map((item) => [String(item.validation ?? item.name ?? item.id ?? ''), item])
      : parsed && typeof parsed === 'object'
        ? Object.entries(parsed as Record<string, unknown>)
        : [];
    for (const [key, value] of entries) {
      if (key !== validation && key !== `validate ${validation}` && key !== `validate-${validation}`) continue;
      const verdict = verdictOfValue(value);
      if (verdict)
        return { verdict, reason: typeof value === 'object' ? JSON.stringify(value).slice(0, 240) : String(value) };
    }
  }
  return undefined;
}

const namePattern = (validation: string) =>
  validation === 'lint' ? /\blint\b/i : new RegExp(`\\b(validate[ -])?${validation.replace('-', '[- ]')}\\b`, 'i');

function fromAnnotations(run: ActionRun, validation: string): Mentioned {
  const pattern = namePattern(validation);
  const errors = run.annotations.filter(
    (a) => a.level === 'error' && pattern.test(`${a.title ?? ''} ${a.message.split('\n')[0]}`),
  );
  if (errors.length === 0) return undefined;
  const reason = errors
    .slice(0, 3)
    .map((a) => `${a.file ? `${a.file}${a.line ? `:${a.line}` : ''} ` : ''}${a.message.split('\n')[0]}`)
    .join(' ⏎ ');
  return { verdict: 'fail', reason };
}

/** The summary's table, `| ✓ | <integration or (repository)> | <validation> | <result> | <time> |`, one row each. */
function fromSummary(run: ActionRun, validation: string): Mentioned | 'not-applicable' {
  for (const line of run.summary.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    // ['', mark, integration, validation, result, time, '']
    if (cells.length < 6 || cells[3] !== validation || !['✓', '✗', '–'].includes(cells[1]!)) continue;
    if (cells[1] === '–') return 'not-applicable';
    if (cells[1] === '✓') return { verdict: 'pass', reason: '' };
    const titled = run.annotations.filter(
      (a) =>
        a.level === 'error' && a.title === (validation === 'lint' ? 'ddev test --lint' : `ddev validate ${validation}`),
    );
    const reason = titled.length
      ? titled
          .slice(0, 3)
          .map((a) => `${a.file ? `${a.file}${a.line ? `:${a.line}` : ''} ` : ''}${a.message.split('\n')[0]}`)
          .join(' ⏎ ')
      : cells[4]!;
    return { verdict: 'fail', reason };
  }
  return undefined;
}

/** One verdict per validation and lint from one run of the validate action on one check. */
export function mapValidateRun(run: ActionRun): Map<StepName, StepResult> {
  const results = new Map<StepName, StepResult>();
  const overall = verdictOfRun(run);
  const log = `${run.stdout}\n${run.summary}`;
  const names: [StepName, string][] = [
    ...[...CHECK_VALIDATIONS, ...REPO_VALIDATIONS].map((v): [StepName, string] => [validationStep(v), v]),
    ['lint', 'lint'],
  ];
  let attributed = false;
  const mentioned: [StepName, Mentioned][] = names.map(([step, v]) => {
    const summarized = fromSummary(run, v);
    if (summarized === 'not-applicable') {
      results.set(step, {
        verdict: 'pass',
        ran: false,
        reason: 'not applicable (validate-integration)',
        durationMs: 0,
      });
      return [step, undefined];
    }
    const found = summarized ?? fromOutputs(run, v) ?? fromAnnotations(run, v);
    if (found?.verdict === 'fail') attributed = true;
    return [step, found];
  });
  for (const [step, found] of mentioned) {
    if (results.has(step)) continue;
    const v = names.find(([s]) => s === step)![1];
    const ran = found !== undefined || namePattern(v).test(log);
    if (found) results.set(step, { ...overall, ...found, ran: true, durationMs: overall.durationMs });
    else if (!ran)
      results.set(step, { verdict: 'pass', ran: false, reason: 'not run by validate-integration', durationMs: 0 });
    else if (overall.verdict === 'fail' && !attributed)
      results.set(step, { ...overall, reason: `(not attributed) ${overall.reason}` });
    else results.set(step, { ...overall, verdict: 'pass', reason: '' });
  }
  return results;
}
