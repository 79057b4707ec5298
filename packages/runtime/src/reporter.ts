import type { SourceLocation } from './errors.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation extends Partial<SourceLocation> {
  level: AnnotationLevel;
  message: string;
  title?: string;
  /** The rule of a finding (see `annotateFindings`): a terminal prints it before the message. */
  rule?: string;
}

/**
 * Everything a step says to the outside world. The actions give it @actions/core,
 * the CLI a terminal, tests an in-memory recorder — domain code never imports @actions/core.
 */
export interface Reporter {
  /** A plain log line. */
  log(line: string): void;
  debug(line: string): void;
  annotate(annotation: Annotation): void;
  /** Runs `work` with its log lines folded under `title`. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
  addPath(directory: string): void;
  /** Appends markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  saveState(name: string, value: string): void;
  getState(name: string): string;
}

export const error = (reporter: Reporter, message: string, at?: Partial<SourceLocation> & { title?: string }): void =>
  reporter.annotate({ level: 'error', message, ...at });
export const warning = (reporter: Reporter, message: string, at?: Partial<SourceLocation> & { title?: string }): void =>
  reporter.annotate({ level: 'warning', message, ...at });
export const notice = (reporter: Reporter, message: string, at?: Partial<SourceLocation> & { title?: string }): void =>
  reporter.annotate({ level: 'notice', message, ...at });

/** Records everything; for tests and for the CLI's machine-readable output. */
export class MemoryReporter implements Reporter {
  readonly lines: string[] = [];
  readonly annotations: Annotation[] = [];
  readonly outputs: Record<string, string> = {};
  readonly variables: Record<string, string> = {};
  readonly paths: string[] = [];
  readonly state: Record<string, string> = {};
  readonly groups: string[] = [];
  summary = '';

  log(line: string): void {
    this.lines.push(line);
  }
  debug(): void {}
  annotate(annotation: Annotation): void {
    this.annotations.push(annotation);
  }
  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.groups.push(title);
    return work();
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  exportVariable(name: string, value: string): void {
    this.variables[name] = value;
  }
  addPath(directory: string): void {
    this.paths.push(directory);
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summary += markdown;
  }
  saveState(name: string, value: string): void {
    this.state[name] = value;
  }
  getState(name: string): string {
    return this.state[name] ?? '';
  }
}
