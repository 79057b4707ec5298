import type { ValidationName } from './validation-set.js';

/** One problem ddev printed, placed on a file (and line) where its output says which. */
export interface ValidationFinding {
  level: 'error' | 'warning';
  /**
   * Relative to the integration folder for per-integration validations, to the repository for `ci` and
   * `codeowners`; a bare file name for `legacy-signature` (ddev prints only the base name: see `file`).
   */
  file: string | undefined;
  line: number | undefined;
  message: string;
}

export interface ValidationOutput {
  validation: ValidationName;
  exitCode: number;
  /** stdout and stderr as ddev printed them (colours are removed here). */
  output: string;
  /** The name ddev was given (the integration's folder name). */
  target: string;
  /** Absolute path ddev knew the integration by (`<repos.<kind>>/<target>`), to make its absolute paths relative. */
  integrationPath: string;
  /** Reads a file of the integration (relative path) to place a finding on its line; undefined when absent. */
  readFile?: (relative: string) => string | undefined;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes are what this removes.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function plainText(output: string): string {
  return output.replace(ANSI, '').replace(/\r/g, '');
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const packageDir = (target: string) => `datadog_checks/${target.replace(/-/g, '_')}`;

/** The line of `- name: <option>` in a spec.yaml, for spec errors that name an option. */
function optionLine(spec: string | undefined, option: string): number | undefined {
  if (spec === undefined) return undefined;
  const index = spec.split('\n').findIndex((line) => nameOf(line) === option);
  return index >= 0 ? index + 1 : undefined;
}

/** `- name: x`, `name: 'x'` → `x` (read in one pass: the option name comes from tool output, never into a regex). */
function nameOf(line: string): string | undefined {
  let rest = line.trimStart();
  if (rest.startsWith('-')) rest = rest.slice(1).trimStart();
  if (!rest.startsWith('name:')) return undefined;
  rest = rest.slice('name:'.length).trim();
  for (const quote of ["'", '"']) {
    if (rest.startsWith(quote)) rest = rest.slice(1);
    if (rest.endsWith(quote)) rest = rest.slice(0, -1);
  }
  return rest;
}

/** `*** 22,28 ****` then the old lines: the number of the first changed one (`! ` or `- `). */
function firstChangedLine(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) {
    const header = /^\s*\*\*\* (\d+)(?:,\d+)? \*\*\*\*\s*$/.exec(lines[i]!);
    if (!header) continue;
    let offset = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (/^\s*--- \d+/.test(line)) break;
      if (line === '') continue;
      const marker = line.replace(/^ {4}/, '').slice(0, 2);
      if (marker === '! ' || marker === '- ') return Number(header[1]) + offset;
      offset++;
    }
    return Number(header[1]);
  }
  return undefined;
}

function parseConfig(input: ValidationOutput, lines: string[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const data = `${packageDir(input.target)}/data`;
  const spec = 'assets/configuration/spec.yaml';
  let legacyFile: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.trim();
    if (text === '' || /^Did not find spec file/.test(text) || /^(Validating|Files |All \d+|Skipping)/.test(text))
      continue;
    if (text === `${input.target}:`) continue;
    const sync = /^File `([^`]+)` is not in sync, run "([^"]+)"/.exec(text);
    if (sync) {
      findings.push({
        level: 'error',
        file: `${data}/${sync[1]}`,
        line: firstChangedLine(lines, i + 1),
        message: `${sync[1]} is not in sync with ${spec}: run "${sync[2]}" (or aic fix).`,
      });
      // Its context diff follows, up to the next file or the totals.
      while (i + 1 < lines.length && !/^\S/.test(lines[i + 1]!) && !/^\s*File `/.test(lines[i + 1]!)) i++;
      continue;
    }
    const fileHeader = /^ {4}(\S+):$/.exec(line);
    if (fileHeader) {
      legacyFile = `${data}/${fileHeader[1]}`;
      continue;
    }
    const located = /^\(L(\d+)\) (.+)$/.exec(text);
    if (located && legacyFile) {
      findings.push({ level: 'error', file: legacyFile, line: Number(located[1]), message: located[2]! });
      continue;
    }
    if (legacyFile && indentOf(line) >= 8) {
      const detail = text === 'Invalid YAML -' && lines[i + 1] ? `Invalid YAML: ${lines[++i]!.trim()}` : text;
      findings.push({ level: 'error', file: legacyFile, line: undefined, message: detail });
      continue;
    }
    if (indentOf(line) === 4) {
      // A spec error: its block is the more-indented lines that follow.
      const block = [text];
      while (i + 1 < lines.length && indentOf(lines[i + 1]!) > 4) block.push(lines[++i]!.trim());
      const previous = findings.at(-1);
      if (/must be one of/.test(text) && previous?.file === spec) {
        // The second half of the same spec error (ddev prints one error over several lines).
        previous.message += ` ${block.join(' ')}`;
        continue;
      }
      const option = /Option name '([^']+)'/.exec(text)?.[1];
      findings.push({
        level: 'error',
        file: spec,
        line: option ? optionLine(input.readFile?.(spec), option) : undefined,
        message: block.join(' '),
      });
    }
  }
  return findings;
}

function parseMetadata(input: ValidationOutput, lines: string[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const line of lines) {
    const text = line.trim();
    const prefix = `${input.target}:`;
    if (!text.startsWith(prefix)) continue;
    const rest = text.slice(prefix.length);
    const row = /^(\d+) (.+)$/.exec(rest);
    if (row) {
      findings.push({ level: 'error', file: 'metadata.csv', line: Number(row[1]), message: row[2]! });
    } else if (rest.startsWith(' ')) {
      const message = rest.trim();
      findings.push({
        level: 'error',
        file: /manifest/.test(message) ? 'manifest.json' : 'metadata.csv',
        line: undefined,
        message: /metric_prefix does not exist/.test(message)
          ? `${message} Set assets.integration.metrics.prefix (e.g. "${input.target}.") in manifest.json.`
          : message,
      });
    }
  }
  return findings;
}

function relativeToIntegration(input: ValidationOutput, file: string): string {
  const base = input.integrationPath.replace(/(?<!\/)\/+$/, '') + '/';
  return file.startsWith(base) ? file.slice(base.length) : file;
}

function parseImports(input: ValidationOutput, lines: string[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const hit = /^\s*(\S.*\.py): line # (\d+)$/.exec(lines[i]!);
    if (!hit) continue;
    const code = lines[i + 1]?.trim() ?? '';
    findings.push({
      level: 'error',
      file: relativeToIntegration(input, hit[1]!),
      line: Number(hit[2]),
      message: `Deprecated import${code ? ` \`${code}\`` : ''}: import from datadog_checks.base instead.`,
    });
  }
  return findings;
}

function parseLegacySignature(lines: string[]): ValidationFinding[] {
  return lines.flatMap((line) => {
    const hit = /uses legacy agent signature in `([^`]+)` on line (\d+)/.exec(line);
    return hit
      ? [
          {
            level: 'error' as const,
            file: hit[1],
            line: Number(hit[2]),
            message: 'Legacy Agent signature: use __init__(self, name, init_config, instances).',
          },
        ]
      : [];
  });
}

function parsePackage(input: ValidationOutput, lines: string[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  let failing = false;
  for (const line of lines) {
    if (/\.\.\.\s+FAILED$/.test(line)) {
      failing = true;
      continue;
    }
    if (!failing) continue;
    if (indentOf(line) === 0) {
      failing = false;
      continue;
    }
    const message = line.trim().replaceAll(`${input.target}/pyproject.toml`, 'pyproject.toml');
    findings.push({ level: 'error', file: 'pyproject.toml', line: undefined, message });
  }
  return findings;
}

function parseReadmes(input: ValidationOutput, lines: string[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  let inside = false;
  for (const line of lines) {
    if (line.trim() === `${input.target}:`) {
      inside = true;
      continue;
    }
    if (!inside || line.trim() === '') continue;
    if (indentOf(line) === 0) {
      inside = false;
      continue;
    }
    const text = line.trim();
    const previous = findings.at(-1);
    if (text.startsWith('|') && previous) {
      // The non-ASCII report: the offending line, then a marker line under it.
      const shown = text.slice(1).trim();
      const readme = input.readFile?.('README.md');
      if (previous.line === undefined && readme !== undefined && shown !== '' && !/^[\^\s]+$/.test(shown)) {
        const index = readme.split('\n').findIndex((candidate) => candidate.trim() === shown);
        if (index >= 0) previous.line = index + 1;
      }
      continue;
    }
    findings.push({ level: 'error', file: 'README.md', line: undefined, message: text });
  }
  return findings;
}

function parseModels(input: ValidationOutput, lines: string[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const line of lines) {
    const text = line.trim();
    const sync = /^File `([^`]+)` is not in sync, run "([^"]+)"/.exec(text);
    if (sync) {
      findings.push({
        level: 'error',
        file: `${packageDir(input.target)}/config_models/${sync[1]}`,
        line: undefined,
        message: `${sync[1]} is not in sync with assets/configuration/spec.yaml: run "${sync[2]}" (or aic fix).`,
      });
    } else if (indentOf(line) >= 4 && !/^(Writing|All \d+|Validating)/.test(text)) {
      findings.push({ level: 'error', file: 'assets/configuration/spec.yaml', line: undefined, message: text });
    }
  }
  return findings;
}

function parseLint(lines: string[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const check = /^(\S[^:\s]*):(\d+):(\d+): ([A-Z]+[0-9]+) (?:\[\*\] )?(.+)$/.exec(line);
    if (check) {
      findings.push({
        level: 'error',
        file: check[1],
        line: Number(check[2]),
        message: `ruff ${check[4]}: ${check[5]}`,
      });
      continue;
    }
    const diff = /^--- (\S+)$/.exec(line);
    if (diff && lines[i + 1]?.startsWith('+++ ')) {
      const hunk = /^@@ -(\d+)/.exec(lines[i + 2] ?? '');
      findings.push({
        level: 'error',
        file: diff[1],
        line: hunk ? Number(hunk[1]) : undefined,
        message: 'Not formatted as ruff format would: run "ddev test --fmt" (or aic fix).',
      });
    }
  }
  return findings;
}

function parseEula(lines: string[]): ValidationFinding[] {
  return lines
    .map((line) => line.trim())
    .filter((text) => /(does not exist|is missing the pdf extension|is not a PDF file)$/.test(text))
    .map((message) => ({
      level: 'error' as const,
      file: 'manifest.json',
      line: undefined,
      message: `EULA: ${message}`,
    }));
}

function parseCodeowners(lines: string[]): ValidationFinding[] {
  return lines
    .map((line) => line.trim())
    .filter((text) => /^Integration .* `?CODEOWNERS`?|is not owned by/.test(text))
    .map((message) => ({ level: 'error' as const, file: '.github/CODEOWNERS', line: undefined, message }));
}

/** Lines that say nothing about a problem: progress, counts, banners. */
const NOISE =
  /^(Validating|Validation passed|All \d+|\d+ (valid|total|files?)|Files (valid|with)|Passed:|Errors:|Metrics validation|cmd \[\d\]|Check `[^`]+` uses the new)|^[─└├│\s]*$/;

/** The last lines of a failed run that say something, for a failure no parser recognised. */
function meaningfulTail(lines: readonly string[], count = 3): string[] {
  return lines
    .map((line) => line.trim())
    .filter((text) => text !== '' && !NOISE.test(text))
    .slice(-count);
}

const FALLBACK_FILE: Partial<Record<ValidationName, string>> = {
  ci: '.github/workflows/test-all.yml',
  codeowners: '.github/CODEOWNERS',
};

/**
 * ddev's output as findings. The verdict is ddev's exit code, as in Datadog's CI (its job fails on a
 * non-zero exit): problems printed by a run that exits 0 are warnings, and a failed run always has an error.
 */
export function parseValidationOutput(input: ValidationOutput): ValidationFinding[] {
  const lines = plainText(input.output).split('\n');
  let findings: ValidationFinding[];
  switch (input.validation) {
    case 'config':
      findings = parseConfig(input, lines);
      break;
    case 'metadata':
      findings = parseMetadata(input, lines);
      break;
    case 'imports':
      findings = parseImports(input, lines);
      break;
    case 'legacy-signature':
      findings = parseLegacySignature(lines);
      break;
    case 'package':
      findings = parsePackage(input, lines);
      break;
    case 'readmes':
      findings = parseReadmes(input, lines);
      break;
    case 'models':
      findings = parseModels(input, lines);
      break;
    case 'lint':
      findings = parseLint(lines);
      break;
    case 'eula':
      findings = parseEula(lines);
      break;
    case 'codeowners':
      findings = parseCodeowners(lines);
      break;
    default:
      findings = [];
  }
  if (input.exitCode === 0) return findings.map((finding) => ({ ...finding, level: 'warning' }));
  if (!findings.some((finding) => finding.level === 'error')) {
    const tail = meaningfulTail(lines);
    findings.push({
      level: 'error',
      file: FALLBACK_FILE[input.validation],
      line: undefined,
      message: `ddev ${input.validation === 'lint' ? 'test --lint' : `validate ${input.validation}`} failed (exit ${input.exitCode})${tail.length > 0 ? `: ${tail.join(' ')}` : '.'}`,
    });
  }
  return findings;
}
