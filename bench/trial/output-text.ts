import type { MachineCause } from './types.js';

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;?]*[A-Za-z]/g;

export const plain = (text: string): string => text.replace(ansi, '').replace(/\r/g, '');

const relevant =
  /\b(error|errors|failed|failure|fail|FAILED|ERROR|Traceback|Exception|assert|Unknown|missing|invalid|not found|No module|incompatible|Aborted|must|should|No testable targets)\b|✗|×/;
const noise =
  /^(::|[-=─━]+$|\s*$|\s*[│╭╰])|^\s*(DEBUG|Creating|Installing|Checking dependencies|Syncing|Building|Resolved|Prepared|Installed|Uninstalled|Audited)\b/;

/** The first `max` lines that say what went wrong (else the last ones), each cut to 240 characters. */
export function relevantLines(output: string, max = 3): string {
  const lines = plain(output)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => !noise.test(line));
  // pytest's own account first: its `E   ` lines, then its short summary, then anything that reads like an error.
  const pytestErrors = lines.filter((line) => /^E {2,}\S/.test(line)).map((line) => line.replace(/^E\s+/, 'E '));
  const summary = lines.filter((line) => /^(FAILED|ERROR) \S+ - /.test(line));
  const picked = [...new Set([...pytestErrors, ...summary, ...lines.filter((line) => relevant.test(line))])].slice(
    0,
    max,
  );
  const chosen = picked.length > 0 ? picked : lines.slice(-max);
  return chosen.map((line) => (line.length > 240 ? `${line.slice(0, 239)}…` : line.trim())).join(' ⏎ ');
}

const causes: [MachineCause, RegExp][] = [
  [
    'no-docker',
    /Cannot connect to the Docker daemon|Is the docker daemon running|failed on Docker errors|SubprocessError: Command: \['docker'/,
  ],
  [
    'hatch-interpreter',
    // hatch's own download of a missing interpreter is its only request over httpx (package installs go through uv).
    /No interpreter found|cannot locate Python|Unable to (find|locate) .*(interpreter|Python)|(could not|failed to|unable to) download .*(python|distribution)|Python \S+ is not available|httpx\d*\/_transports[\s\S]*ConnectError: \[Errno -[23]\]/i,
  ],
  // A command GitHub's runners have and this machine lacks (ping, ping6, …), called by the tests.
  ['no-system-tool', /FileNotFoundError: \[Errno 2\] No such file or directory: '[\w.-]+'(?!\/)/],
];

/** Which failure of this machine (no Docker engine, no interpreter hatch can get) the output shows, if any. */
export function machineCause(output: string): MachineCause | undefined {
  const text = plain(output);
  return causes.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The lines worth keeping from a long output: what `relevantLines` and `machineCause` look at, then the end. */
export function excerptOf(output: string, keep = 60): string {
  const lines = plain(output).split('\n');
  const telling = lines.filter(
    (line) => /^E {2,}\S|^(FAILED|ERROR) /.test(line) || relevant.test(line) || causes.some(([, p]) => p.test(line)),
  );
  return [...new Set([...telling.slice(0, keep), ...lines.slice(-20)])].join('\n');
}

/** What `ddev validate` found: the indented lines under each integration's header, else `relevantLines`. */
export function validationLines(output: string, max = 3): string {
  const found = plain(output)
    .split('\n')
    .filter((line) => /^\s+\S/.test(line) && !noise.test(line))
    .map((line) => line.trim());
  return found.length > 0 ? found.slice(0, max).join(' ⏎ ') : relevantLines(output, max);
}
