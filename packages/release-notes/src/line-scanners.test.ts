import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { bulletLine, sectionLabel, versionHeading } from './parse.js';

// The regular expressions the scanners replaced (they backtracked polynomially on long lines): on short
// lines, where backtracking is cheap, the scanners must agree with them exactly.
const VERSION_HEADING = /^#{1,4}\s*v?(\d[\w.+-]*)\s*([/-]?)\s*(.*?)\s*$/;
const SECTION_LABEL = /^(?:#{2,4}\s*)?([*_]{0,3})\s*([A-Za-z]+)\s*(:?)\s*([*_]{0,3})\s*(:?)\s*$/;
const BULLET = /^(\s*)[*-]\s+(.*)$/;

// Pieces that matter to the three forms, and no line terminator (the parser splits lines first).
const piece = fc.constantFrom(
  '#',
  '##',
  '###',
  '#####',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '*',
  '**',
  '***',
  '_',
  ':',
  '-',
  '/',
  'v',
  '1',
  '.',
  '2',
  '+',
  'Added',
  'x',
  '(',
  ')',
  '2024-01-31',
);
const line = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
const trimmedLine = line.map((text) => text.trim());

describe('line scanners agree with the regular expressions they replaced', () => {
  test('version headings', () => {
    fc.assert(
      fc.property(trimmedLine, (text) => {
        const match = VERSION_HEADING.exec(text);
        const scanned = versionHeading(text);
        expect(scanned).toEqual(match ? { version: match[1], separator: match[2], rest: match[3] } : undefined);
      }),
      { numRuns: 5_000 },
    );
  });

  test('section labels', () => {
    fc.assert(
      fc.property(trimmedLine, (text) => {
        const match = SECTION_LABEL.exec(text);
        expect(sectionLabel(text)).toEqual(match ? { marks: match[1], word: match[2] } : undefined);
      }),
      { numRuns: 5_000 },
    );
  });

  test('bullets', () => {
    fc.assert(
      fc.property(line, (text) => {
        const match = BULLET.exec(text);
        const scanned = bulletLine(text);
        expect(scanned ? { indent: scanned.indent, text: scanned.text.trim() } : undefined).toEqual(
          match ? { indent: match[1]!.length, text: match[2]!.trim() } : undefined,
        );
      }),
      { numRuns: 5_000 },
    );
  });
});
