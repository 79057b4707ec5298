/** Where a failed test is: from the report's attributes, else from its traceback. */

export interface TestLocation {
  file: string;
  line: number;
}

const TRACEBACK_LINE = /^([^\s:][^:\n]*\.py):(\d+):/gm;

/**
 * pytest's long tracebacks end each frame with `path/to/test_x.py:25: AssertionError`; short ones
 * (`--tb short`) have `path/to/test_x.py:25: in test_name`. The test's own frame is the last one in a
 * test file; failing that, the last frame.
 */
export function locationFromTraceback(text: string, testFile?: string): TestLocation | undefined {
  const frames = [...text.matchAll(TRACEBACK_LINE)].map((match) => ({ file: match[1]!, line: Number(match[2]) }));
  if (frames.length === 0) return undefined;
  const inTestFile = frames.filter((frame) =>
    testFile ? frame.file.endsWith(testFile) : /(^|\/)test_[^/]*\.py$|_test\.py$/.test(frame.file),
  );
  return (inTestFile.at(-1) ?? frames.at(-1))!;
}

/** `tests.test_unit` (pytest's classname) → `tests/test_unit.py`; a trailing class name is dropped. */
export function fileFromClassname(classname: string): string | undefined {
  if (!classname) return undefined;
  const parts = classname.split('.');
  const moduleIndex = parts.findIndex((part) => part.startsWith('test_') || part.endsWith('_test'));
  if (moduleIndex < 0) return undefined;
  return `${parts.slice(0, moduleIndex + 1).join('/')}.py`;
}
