import { isJmxIntegration } from './jmx.js';
import { parseRecord, readMetadata, recordHash, wheelProjectName, type WheelFiles } from './wheel-file.js';
import { unsafeEntryName } from './zip-reader.js';
import { installableTags, parseWheelFilename } from './wheel-tags.js';

export interface WheelFinding {
  rule: string;
  level: 'error' | 'warning';
  message: string;
}

export interface WheelExpectations {
  filename: string;
  integration: string;
  /** `datadog-<name>` from pyproject.toml. */
  project: string;
  /** `__about__.__version__`. */
  version: string;
  /**
   * The tags the Agent's interpreter installs (packaging's `sys_tags()` of that Python), and what it is
   * (`CPython 3.13 on linux x86_64`); the tag rule is skipped without it.
   */
  interpreter?: { description: string; tags: ReadonlySet<string> };
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

/**
 * What the Agent needs from a wheel, as findings with stable rule ids: the name and metadata agree
 * with the project and `__about__`, the check's files are in, tests are out, and RECORD is true.
 */
export function inspectWheel(files: WheelFiles, expected: WheelExpectations): WheelFinding[] {
  const findings: WheelFinding[] = [];
  const error = (rule: string, message: string) => findings.push({ rule, level: 'error', message });
  const pkg = `datadog_checks/${expected.integration}`;

  const parsed = parseWheelFilename(expected.filename);
  const wantedName = wheelProjectName(expected.project);
  if (!parsed) {
    error(
      'wheel-filename',
      `${expected.filename} is not a wheel file name ({name}-{version}-{python tag}-{abi tag}-{platform tag}.whl).`,
    );
  } else if (parsed.name.toLowerCase() !== wantedName || parsed.version !== expected.version) {
    error(
      'wheel-filename',
      `The wheel is named ${expected.filename}; for ${expected.project} ${expected.version} it must start with ${wantedName}-${expected.version}-.`,
    );
  }
  if (parsed && expected.interpreter && installableTags(parsed, expected.interpreter.tags).length === 0) {
    error(
      'wheel-tag',
      `${expected.filename} is tagged ${parsed.tags.join(', ')}: ${expected.interpreter.description} (the Agent's Python) cannot install it. ` +
        'Build a pure Python 3 wheel: hatchling gives py3-none-any with requires-python = ">=3" (or none, py2.py3-none-any); drop [tool.hatch.build.targets.wheel] tag overrides and compiled extensions.',
    );
  }
  const distInfo = [...files.keys()]
    .find((name) => /^[^/]+\.dist-info\/METADATA$/.test(name))
    ?.replace(/\/METADATA$/, '');
  const metadata = readMetadata(text(distInfo ? files.get(`${distInfo}/METADATA`) : undefined) ?? '');
  if (!distInfo) {
    error('metadata-missing', 'The wheel has no *.dist-info/METADATA.');
  } else {
    if (metadata.name?.toLowerCase().replace(/[-_.]+/g, '-') !== expected.project.toLowerCase()) {
      error(
        'metadata-name',
        `METADATA says Name: ${metadata.name ?? '(none)'}, but the project is ${expected.project}.`,
      );
    }
    if (metadata.version !== expected.version) {
      error(
        'metadata-version',
        `METADATA says Version: ${metadata.version ?? '(none)'}, but __about__.__version__ is ${expected.version}. Rebuild from a clean tree, and check [tool.hatch.version] path.`,
      );
    }
  }
  for (const required of [`${pkg}/__init__.py`, `${pkg}/__about__.py`, `${pkg}/data/conf.yaml.example`]) {
    if (!files.has(required))
      error(
        'missing-file',
        `${required} is not in the wheel: the Agent needs it. Check [tool.hatch.build.targets.wheel] include.`,
      );
  }
  const modules = [...files.keys()].filter(
    (name) => name.startsWith(`${pkg}/`) && name.endsWith('.py') && !/\/__(init|about)__\.py$/.test(name),
  );
  if (modules.length === 0 && !isJmxIntegration(files, pkg))
    error(
      'missing-check-module',
      `No check module in ${pkg}/ besides __init__.py and __about__.py (and no data/metrics.yaml or init_config.is_jmx: true, as a JMX integration has).`,
    );
  if (distInfo && !metadata.requiresDist.some((requirement) => /^datadog[-_.]checks[-_.]base\b/i.test(requirement))) {
    error(
      'base-dependency',
      `METADATA has no Requires-Dist: datadog-checks-base: \`datadog-agent integration install\` refuses such a wheel ("is not an agent check"). Add "datadog-checks-base>=…" to [project] dependencies in pyproject.toml.`,
    );
  }
  const tests = [...files.keys()].filter((name) => /(^|\/)tests\//.test(name));
  if (tests.length > 0) {
    error(
      'tests-packaged',
      `The wheel contains tests (${tests.slice(0, 3).join(', ')}${tests.length > 3 ? ', …' : ''}): include only /${pkg} in [tool.hatch.build.targets.wheel].`,
    );
  }
  if (files.has('datadog_checks/__init__.py')) {
    findings.push({
      rule: 'namespace-init',
      level: 'warning',
      message:
        'The wheel ships datadog_checks/__init__.py, the namespace file every integration shares: removing this integration from the Agent would delete it. Include only /' +
        pkg +
        ' in the wheel.',
    });
  }
  findings.push(...verifyRecord(files, distInfo));
  return findings;
}

function verifyRecord(files: WheelFiles, distInfo: string | undefined): WheelFinding[] {
  const record = text(distInfo ? files.get(`${distInfo}/RECORD`) : undefined);
  if (record === undefined) return [{ rule: 'record', level: 'error', message: 'The wheel has no RECORD file.' }];
  const rows = parseRecord(record);
  if ('problem' in rows)
    return [
      { rule: 'record', level: 'error', message: `RECORD is not valid CSV at line ${rows.line}: ${rows.problem}.` },
    ];
  const findings: WheelFinding[] = [];
  const listed = new Set<string>();
  for (const [name, hash, size] of rows) {
    if (!name) continue;
    listed.add(name);
    const unsafe = unsafeEntryName(name);
    if (unsafe) {
      // pip uninstall removes what RECORD lists: a path out of site-packages would be deleted.
      findings.push({
        rule: 'record',
        level: 'error',
        message: `RECORD lists ${JSON.stringify(name.slice(0, 100))}, which has ${unsafe}: uninstalling would remove a file outside the install folder.`,
      });
      continue;
    }
    if (name === `${distInfo}/RECORD`) continue;
    const bytes = files.get(name);
    if (!bytes) {
      findings.push({ rule: 'record', level: 'error', message: `RECORD lists ${name}, which is not in the wheel.` });
    } else if (hash !== recordHash(bytes) || (size !== undefined && size !== '' && Number(size) !== bytes.length)) {
      findings.push({
        rule: 'record',
        level: 'error',
        message: `RECORD's hash or size of ${name} does not match the file: the wheel was altered after it was built.`,
      });
    }
  }
  for (const name of files.keys()) {
    if (!listed.has(name))
      findings.push({ rule: 'record', level: 'error', message: `${name} is in the wheel but not in RECORD.` });
  }
  return findings;
}
