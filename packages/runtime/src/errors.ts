/** Where a problem is, for people and for annotations. */
export interface SourceLocation {
  file: string;
  line?: number;
  endLine?: number;
  column?: number;
}

/**
 * A problem the user can fix: bad input, a broken file, a failed tool run.
 * Printed as one line (no stack trace); `hint` says what to do.
 */
export class UserError extends Error {
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;

  constructor(message: string, options: { location?: SourceLocation; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.location = options.location;
    this.hint = options.hint;
  }
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.column !== undefined) text += `:${location.column}`;
  return text;
}

/** One line: `file:line: message. hint` (without the location where an annotation carries it). */
export function describeError(error: unknown, options: { location?: boolean } = {}): string {
  if (error instanceof UserError) {
    const where = error.location && options.location !== false ? `${formatLocation(error.location)}: ` : '';
    const hint = error.hint ? ` ${error.hint}` : '';
    return `${where}${error.message}${hint}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
