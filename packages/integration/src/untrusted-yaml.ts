import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/**
 * YAML from a partner's checkout or wheel (compose files, conf.yaml.example), read in bounded time. The `yaml`
 * library parses in linear time, but turning a document into data is not: a key that is itself a collection is
 * stringified at every level (`{{{{…` or `? ? ? …`: 400 characters took 24 s, 800 would take hours), and aliases
 * can multiply (an alias bomb). So the document's tree is checked first, in one pass: no collection as a key,
 * nesting at most MAX_DEPTH deep, at most MAX_ALIASES aliases — none of which a real compose file or example
 * configuration needs.
 */
export const MAX_YAML_BYTES = 1024 * 1024;
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;
const MAX_INDENT = 400;

export type YamlRead =
  | { ok: true; data: unknown; document: Document.Parsed; lines: LineCounter }
  | {
      ok: false;
      problem: string;
      line?: number;
      /** `syntax`: not YAML; `limit`: YAML past our bounds. */ kind: 'syntax' | 'limit';
    };

export function readUntrustedYaml(text: string): YamlRead {
  if (text.length > MAX_YAML_BYTES)
    return {
      ok: false,
      kind: 'limit',
      problem: `it is ${(text.length / 1024 / 1024).toFixed(1)} MiB; YAML here is read up to 1 MiB`,
    };
  // Deep nesting overflows the parser's stack, and an overflow while V8 compiles one of its regexes kills the
  // process outright: so nesting is measured on the text first, before the parser sees it.
  const deep = nestingProblem(text);
  if (deep) return { ok: false, kind: 'limit', ...deep };
  const lines = new LineCounter();
  // No pretty errors: they quote the source around every error, and a file of 20,000 stray `]` has 20,000.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const at = error.pos?.[0];
    return {
      ok: false,
      kind: 'syntax',
      problem: error.message.split('\n')[0]!,
      ...(at === undefined ? {} : { line: lines.linePos(at).line }),
    };
  }
  const problem = shapeProblem(document, lines);
  if (problem) return { ok: false, kind: 'limit', ...problem };
  try {
    return { ok: true, data: document.toJS({ maxAliasCount: MAX_ALIASES }), document, lines };
  } catch (caught) {
    return {
      ok: false,
      kind: 'limit',
      problem: `${(caught as Error).message.split('\n')[0]!} (use fewer YAML aliases)`,
    };
  }
}

/**
 * An upper bound of the nesting, from the text alone (one pass): flow brackets `[` `{` outside quotes and
 * comments, and per line its indentation plus compact `- ` / `? ` indicators. Real files stay far below it.
 */
function nestingProblem(text: string): { problem: string; line: number } | undefined {
  let flow = 0;
  let line = 1;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  let compact = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') {
      line++;
      lineStart = true;
      indent = 0;
      compact = 0;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (lineStart) {
      if (char === ' ' || char === '\t') {
        if (++indent > MAX_INDENT) return { problem: `indented more than ${MAX_INDENT} columns`, line };
        continue;
      }
      if ((char === '-' || char === '?' || char === ':') && (text[index + 1] === ' ' || text[index + 1] === '\t')) {
        if (++compact > MAX_DEPTH) return { problem: `nested more than ${MAX_DEPTH} levels deep`, line };
        indent++;
        continue;
      }
      lineStart = false;
    }
    if (char === '#' && (index === 0 || text[index - 1] === ' ' || text[index - 1] === '\t')) {
      while (index + 1 < text.length && text[index + 1] !== '\n') index++;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      if (++flow > MAX_DEPTH) return { problem: `nested more than ${MAX_DEPTH} levels deep`, line };
    } else if ((char === ']' || char === '}') && flow > 0) {
      flow--;
    }
  }
  return undefined;
}

/** The first thing in the tree that would make toJS slow, found without recursion. */
function shapeProblem(document: Document.Parsed, lines: LineCounter): { problem: string; line?: number } | undefined {
  const at = (node: unknown) => {
    const range = (node as { range?: number[] } | null)?.range;
    return range ? { line: lines.linePos(range[0]!).line } : {};
  };
  let aliases = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined || isScalar(node)) continue;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) return { problem: `more than ${MAX_ALIASES} aliases (*name)`, ...at(node) };
      continue;
    }
    if (depth > MAX_DEPTH) return { problem: `nested more than ${MAX_DEPTH} levels deep`, ...at(node) };
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    } else if (isPair(node)) {
      if (isMap(node.key) || isSeq(node.key))
        return { problem: 'a key that is itself a mapping or a list (`? ` or `{…}: `)', ...at(node.key) };
      stack.push({ node: node.key, depth }, { node: node.value, depth });
    }
  }
  return undefined;
}
