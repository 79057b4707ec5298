/**
 * How much of a child's output is kept in memory:
 * - `whole` (the default): everything, because a caller reads it (a file list, JSON, a version). Past the
 *   limit the run fails: a parsed copy with its start cut off gives a wrong answer that looks right (a diff
 *   whose first files are missing planned nothing, and the gate passed).
 * - `tail`: the last `limit` characters, for output that is only shown or whose verdict sits at its end
 *   (pytest's summary), and that is streamed to the log as it comes.
 */
export type OutputMode = 'whole' | 'tail';

export const DEFAULT_WHOLE_LIMIT = 64 * 1024 * 1024;
export const DEFAULT_TAIL_LIMIT = 4 * 1024 * 1024;

/** One stream's output, collected in chunks: appending is O(chunk), whatever the total. */
export class OutputCapture {
  private chunks: string[] = [];
  private length = 0;
  /** `tail`: characters dropped from the start. */
  dropped = 0;
  /** `whole`: the limit was passed (what was kept is incomplete and must not be parsed). */
  overflowed = false;

  constructor(
    readonly mode: OutputMode,
    readonly limit: number,
  ) {}

  /** Adds a chunk; false when a `whole` capture has just passed its limit. */
  push(chunk: string): boolean {
    if (this.overflowed) return false;
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.mode === 'whole') {
      if (this.length <= this.limit) return true;
      this.overflowed = true;
      return false;
    }
    while (this.chunks.length > 1 && this.length - this.chunks[0]!.length >= this.limit) {
      const first = this.chunks.shift()!;
      this.length -= first.length;
      this.dropped += first.length;
    }
    return true;
  }

  get text(): string {
    const joined = this.chunks.join('');
    this.chunks = [joined];
    if (this.mode === 'tail' && joined.length > this.limit) {
      this.dropped += joined.length - this.limit;
      this.chunks = [joined.slice(joined.length - this.limit)];
      this.length = this.limit;
    }
    return this.chunks[0]!;
  }
}
