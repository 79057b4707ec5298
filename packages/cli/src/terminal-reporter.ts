import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Annotation, Reporter } from '@aic/runtime';

/**
 * The Reporter on a laptop: log lines go to a per-stage log file (the live display shows the latest
 * one), annotations are kept for the final report, exported variables and PATH entries apply to the
 * stages that follow — what GITHUB_ENV and GITHUB_PATH do between steps on a runner.
 */
export class TerminalReporter implements Reporter {
  readonly annotations: Annotation[] = [];
  readonly outputs: Record<string, string> = {};
  summary = '';
  private readonly state = new Map<string, string>();

  constructor(
    readonly logFile: string,
    private readonly onLine: (line: string) => void = () => {},
    private readonly sharedState: Map<string, string> = new Map(),
  ) {}

  log(line: string): void {
    appendFileSync(this.logFile, `${line}\n`);
    if (line.trim() !== '') this.onLine(line);
  }
  debug(line: string): void {
    if (process.env.AIC_DEBUG) this.log(`[debug] ${line}`);
  }
  annotate(annotation: Annotation): void {
    this.annotations.push(annotation);
    this.log(formatAnnotation(annotation));
  }
  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.log(`▸ ${title}`);
    return work();
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  exportVariable(name: string, value: string): void {
    process.env[name] = value;
  }
  addPath(directory: string): void {
    process.env.PATH = `${directory}${path.delimiter}${process.env.PATH ?? ''}`;
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summary += markdown;
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
    this.sharedState.set(name, value);
  }
  getState(name: string): string {
    return this.state.get(name) ?? this.sharedState.get(name) ?? '';
  }
}

export function formatAnnotation(annotation: Annotation): string {
  const where = annotation.file ? `${annotation.file}${annotation.line ? `:${annotation.line}` : ''}: ` : '';
  return `${where}${annotation.level}: ${annotation.rule ? `${annotation.rule}: ` : ''}${annotation.message}`;
}
