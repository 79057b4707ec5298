/** Where a failed test is: from its traceback, inside the project, else from the report's attributes. */

export interface TestLocation {
  file: string;
  line: number;
}

const TRACEBACK_LINE = /^([^\s:<][^:\n]*\.py):(\d+):/gm;

/**
 * Installed code, wherever the environment lives: pytest shows files under its rootdir relative and
 * everything else (the hatch env, the interpreter) absolute, but an env can also sit inside the folder.
 */
const INSTALLED = /(^|\/)(site-packages|dist-packages|\.venv|venv|\.tox|\.hatch|\.nox)\//;

/** Every `file.py:line:` frame of a pytest traceback, in order (outermost first, deepest last). */
export function tracebackFrames(text: string): TestLocation[] {
  return [...text.matchAll(TRACEBACK_LINE)].map((match) => ({ file: match[1]!, line: Number(match[2]) }));
}

/**
 * A frame's file as the project's (relative to `root`, the folder pytest ran in), or undefined when
 * the frame is outside it: another directory or installed code.
 */
export function projectFile(file: string, root?: string): string | undefined {
  let relative = file;
  if (file.startsWith('/')) {
    const prefix = root ? `${root.replace(/(?<!\/)\/+$/, '')}/` : undefined;
    if (!prefix || !file.startsWith(prefix)) return undefined;
    relative = file.slice(prefix.length);
  }
  if (relative.startsWith('../') || INSTALLED.test(relative)) return undefined;
  return relative;
}

export interface LocateOptions {
  /** The test's own file (from the `file` attribute or the classname), relative to `root`. */
  testFile?: string;
  /** The test's own location from the report's attributes (xunit1 `file` and `line`). */
  testLocation?: TestLocation;
  /** The folder pytest ran in, for frames pytest printed absolute. */
  root?: string;
}

/**
 * Where to annotate a failed or errored test.
 * - A failure: the deepest frame in the test's own file (the assertion), else the deepest project frame.
 * - An error (setup, teardown, collection): the deepest project frame, e.g. the fixture in conftest.py.
 * Either way, never a frame in installed code: failing a project frame, the test's own location.
 */
export function locateProblem(
  text: string,
  status: 'failed' | 'error',
  options: LocateOptions = {},
): TestLocation | undefined {
  const frames = tracebackFrames(text)
    .map((frame) => ({ file: projectFile(frame.file, options.root), line: frame.line }))
    .filter((frame): frame is TestLocation => frame.file !== undefined);
  const inTestFile = frames.filter((frame) =>
    options.testFile ? sameFile(frame.file, options.testFile) : /(^|\/)test_[^/]*\.py$|_test\.py$/.test(frame.file),
  );
  const found = status === 'failed' ? (inTestFile.at(-1) ?? frames.at(-1)) : frames.at(-1);
  if (found) return found;
  if (options.testLocation) return options.testLocation;
  return options.testFile ? { file: options.testFile, line: 1 } : undefined;
}

/** Equal, or one ends with the other at a folder boundary (a classname may carry a `--junit-prefix`). */
const sameFile = (a: string, b: string) => a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);

/** `locateProblem` for a failure, kept for callers that only have a traceback. */
export function locationFromTraceback(text: string, testFile?: string): TestLocation | undefined {
  return locateProblem(text, 'failed', testFile ? { testFile } : {});
}

/** `tests.test_unit` (pytest's classname) → `tests/test_unit.py`; a trailing class name is dropped. */
export function fileFromClassname(classname: string): string | undefined {
  if (!classname) return undefined;
  const parts = classname.split('.');
  const moduleIndex = parts.findIndex((part) => part.startsWith('test_') || part.endsWith('_test'));
  if (moduleIndex < 0) return undefined;
  return `${parts.slice(0, moduleIndex + 1).join('/')}.py`;
}
