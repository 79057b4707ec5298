import * as core from '@actions/core';
import type { Annotation, Reporter } from './reporter.js';

/** The Reporter on a GitHub runner: workflow commands and files through @actions/core. */
export class ActionsReporter implements Reporter {
  private depth = 0;

  log(line: string): void {
    core.info(line);
  }
  debug(line: string): void {
    core.debug(line);
  }
  annotate(annotation: Annotation): void {
    const properties: core.AnnotationProperties = {};
    if (annotation.title !== undefined) properties.title = annotation.title;
    if (annotation.file !== undefined) properties.file = annotation.file;
    if (annotation.line !== undefined) properties.startLine = annotation.line;
    if (annotation.endLine !== undefined) properties.endLine = annotation.endLine;
    if (annotation.column !== undefined && annotation.line !== undefined && annotation.endLine === undefined) {
      properties.startColumn = annotation.column;
    }
    const send = { error: core.error, warning: core.warning, notice: core.notice }[annotation.level];
    send(annotation.message, properties);
  }
  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    // The runner cannot nest groups: an inner group just prints its title.
    if (this.depth > 0) {
      core.info(`▸ ${title}`);
      return work();
    }
    this.depth++;
    try {
      return await core.group(title, work);
    } finally {
      this.depth--;
    }
  }
  setOutput(name: string, value: string): void {
    core.setOutput(name, value);
  }
  exportVariable(name: string, value: string): void {
    core.exportVariable(name, value);
  }
  addPath(directory: string): void {
    core.addPath(directory);
  }
  async appendSummary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(markdown).write();
    core.summary.emptyBuffer();
  }
  saveState(name: string, value: string): void {
    core.saveState(name, value);
  }
  getState(name: string): string {
    return core.getState(name);
  }
}
