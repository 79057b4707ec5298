import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';

/**
 * Hostile text for a parser: the tokens its grammar cares about, characters that trip parsers (line and
 * paragraph separators, a lone surrogate, NUL, BOM, no-break space), bits of arbitrary Unicode — and long runs
 * of one token, where super-linear backtracking shows (a run of 20,000 makes an O(n²) parser take seconds).
 */
const TRIPWIRES = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\uFEFF',
  '\0',
  '\uD800',
  '\uDFFF',
  '\u0085',
  '\u001b[31m',
];
const PUNCTUATION = [...'"\'\\#*-_:/.=[]{}()<>$%@,;|`~^?+!&'];

export function hostileText(
  vocabulary: readonly string[],
  options: { maxChunks?: number; longRuns?: boolean } = {},
): fc.Arbitrary<string> {
  const tokens = [...vocabulary, ...TRIPWIRES, ...PUNCTUATION];
  const token = fc.constantFrom(...tokens);
  const repeat = (min: number, max: number) =>
    fc
      .tuple(token, fc.integer({ min, max }))
      .map(([text, times]) => text.repeat(Math.max(1, Math.min(times, Math.floor(max / text.length) || 1))));
  const chunk = fc.oneof(
    { weight: 12, arbitrary: token },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 3, arbitrary: repeat(2, 40) },
    { weight: 1, arbitrary: repeat(40, 800) },
  );
  const text = fc.array(chunk, { maxLength: options.maxChunks ?? 12 }).map((chunks) => chunks.join(''));
  if (options.longRuns === false) return text;
  // About one case in 25: a run of one token some 20,000 characters long, inside the rest — where a parser
  // that backtracks super-linearly takes seconds instead of milliseconds.
  const long = fc.tuple(text, repeat(10_000, 25_000), text).map(([before, run, after]) => `${before}${run}${after}`);
  return fc.oneof({ weight: 24, arbitrary: text }, { weight: 1, arbitrary: long });
}

/** Several hostile lines, joined as a file would be; about one case in 25 has one very long line. */
export function hostileLines(vocabulary: readonly string[], lines = 25): fc.Arbitrary<string> {
  const short = hostileText(vocabulary, { maxChunks: 8, longRuns: false });
  return fc
    .tuple(
      fc.array(short, { maxLength: lines }),
      fc.oneof({ weight: 24, arbitrary: fc.constant('') }, { weight: 1, arbitrary: hostileText(vocabulary) }),
      fc.nat(),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([parts, long, at, newline]) => {
      if (long !== '') parts.splice(at % (parts.length + 1), 0, long);
      return parts.join(newline);
    });
}

/** A string input as a user might type it in a `with:` block, hostile or plausible. */
export const inputText = (vocabulary: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    hostileText(vocabulary, { maxChunks: 10 }),
    fc.constantFrom('', ' ', 'true', 'false', '0', '-1', 'all', 'changed', '.', '..', '/', 'awesome'),
  );

/** Bytes that are or were a zip: a small valid wheel mutated (flipped, cut, patched), or noise with a signature. */
export function zipBytes(): fc.Arbitrary<Uint8Array> {
  const base = zipSync({
    'datadog_checks/awesome/__init__.py': strToU8('from .check import AwesomeCheck\n'),
    'datadog_checks/awesome/check.py': strToU8('x = 1\n'.repeat(50)),
    'datadog_awesome-1.0.0.dist-info/METADATA': strToU8('Name: datadog-awesome\nVersion: 1.0.0\n'),
    'datadog_awesome-1.0.0.dist-info/RECORD': strToU8('"a,b",sha256=x,1\n'),
  });
  const mutated = fc
    .tuple(
      fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
      fc.option(fc.nat({ max: base.length }), { freq: 4 }),
    )
    .map(([flips, cut]) => {
      const copy = base.slice();
      for (const [at, value] of flips) copy[at] = value;
      return cut === null ? copy : copy.subarray(0, cut);
    });
  const noise = fc
    .uint8Array({ maxLength: 400 })
    .map((bytes) => Uint8Array.from([...bytes, 0x50, 0x4b, 0x05, 0x06, ...new Uint8Array(18)]));
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 2, arbitrary: noise });
}
