// act's `--json` log, read back into what a test asserts on: each job's result, its steps (pre, main, post) with
// their results, the outputs each step set, the job summary and the annotations.

export type Result = 'success' | 'failure' | 'skipped' | 'cancelled';

export interface ActStep {
  /** The step's id (`plan`) or act's index (`0`); composite inner steps are `<outer>/<inner>`. */
  id: string;
  name: string;
  stage: 'Pre' | 'Main' | 'Post';
  result: Result;
  /** Seconds, as act measured them. */
  seconds: number;
}

export interface ActAnnotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  title?: string;
}

export interface ActJob {
  /** act's label: `<workflow>/<job>` at the top, `<calling job>/<called workflow>/<job>` when nested. */
  label: string;
  /** The job's id in its workflow. */
  id: string;
  matrix: Record<string, unknown>;
  result: Result | undefined;
  steps: ActStep[];
  /** Outputs set by each step, by step id. */
  outputs: Record<string, Record<string, string>>;
  summary: string;
  annotations: ActAnnotation[];
  /** Every message of the job, in order (for a failing test's message and for grep-like assertions). */
  messages: string[];
}

interface Line {
  job?: string;
  jobID?: string;
  matrix?: Record<string, unknown>;
  msg?: string;
  stage?: string;
  step?: string;
  stepID?: string[];
  stepResult?: string;
  jobResult?: string;
  executionTime?: number;
  command?: string;
  name?: string;
  arg?: string;
  content?: string;
  kvPairs?: Record<string, string>;
}

/** The jobs of one act run, in the order they started. */
export function parseActLog(text: string): ActJob[] {
  const jobs = new Map<string, ActJob>();
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('{')) continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue;
    }
    if (!line.job || !line.jobID) continue;
    const label = line.job.trim();
    const key = `${label}\u0000${JSON.stringify(line.matrix ?? {})}`;
    let job = jobs.get(key);
    if (!job) {
      job = {
        label,
        id: line.jobID,
        matrix: line.matrix ?? {},
        result: undefined,
        steps: [],
        outputs: {},
        summary: '',
        annotations: [],
        messages: [],
      };
      jobs.set(key, job);
    }
    if (line.msg) job.messages.push(line.msg);
    const stepId = (line.stepID ?? []).join('/');
    if (line.jobResult) job.result = line.jobResult as Result;
    if (line.stepResult && line.stage) {
      // The message names a composite action's inner step; the `step` field names the outer one.
      const named = /(?:Success|Failure) - (?:Pre|Main|Post) (.+?)(?: \[[^\]]*\])?$/.exec(line.msg ?? '');
      job.steps.push({
        id: stepId,
        name: named?.[1] ?? line.step ?? '',
        stage: line.stage as ActStep['stage'],
        result: line.stepResult as Result,
        seconds: (line.executionTime ?? 0) / 1e9,
      });
    }
    if (line.command === 'set-output' && line.name !== undefined) {
      (job.outputs[stepId] ??= {})[line.name] = line.arg ?? '';
    }
    if (line.command === 'summary' && line.content) job.summary += line.content;
    if (line.command === 'error' || line.command === 'warning' || line.command === 'notice') {
      const pairs = line.kvPairs ?? {};
      job.annotations.push({
        level: line.command,
        message: line.arg ?? '',
        ...(pairs.file ? { file: pairs.file } : {}),
        ...(pairs.line ? { line: Number(pairs.line) } : {}),
        ...(pairs.title ? { title: pairs.title } : {}),
      });
    }
  }
  return [...jobs.values()];
}
