import { valid } from '@renovatebot/pep440';
import { acceptsInstance, findCheckClasses, type PythonFileFacts } from './check-class.js';
import { paths } from './layout.js';
import { projectName } from './names.js';

/** Everything the rules look at, gathered by the scaffold-check step (paths relative to the integration). */
export interface IntegrationFacts {
  name: string;
  python: Record<string, PythonFileFacts>;
  entries: string[];
  packageExists: boolean;
  pyproject: {
    exists: boolean;
    error?: Problem;
    projectName?: unknown;
    projectNameLine?: number;
    versionPath?: unknown;
    versionPathLine?: number;
  };
  hatch: { exists: boolean; error?: Problem; hasCollector: boolean };
  confExample: {
    exists: boolean;
    error?: Problem;
    instances?: unknown;
    instancesLine?: number;
    hasInitConfig: boolean;
    isJmx: boolean;
  };
  /** `data/metrics.yaml`: a JMX integration, run by JMXFetch with no Python check class. */
  hasJmxMetrics: boolean;
  changelogExists: boolean;
  testFiles: string[];
}

export interface Problem {
  message: string;
  line?: number;
}

export interface RuleFinding {
  rule: string;
  level: 'error' | 'warning';
  /** Relative to the integration folder. */
  file: string;
  line: number;
  message: string;
}

/** Rule ids, stable: annotations and docs name them. */
export const RULES = {
  checkClass: 'check-class',
  checkMethod: 'check-method',
  checkCoroutine: 'check-coroutine',
  checkSignature: 'check-signature',
  python3: 'python3-syntax',
  aboutVersion: 'about-version',
  packageName: 'package-name',
  projectName: 'project-name',
  versionPath: 'hatch-version-path',
  confExample: 'conf-example',
  tests: 'tests-missing',
  hatchCollector: 'hatch-collector',
  changelog: 'changelog-missing',
  initConfig: 'init-config',
} as const;

/** Whether `version` is a PEP 440 version (canonical or not), as packaging reads it. */
export const isPep440 = (version: string): boolean => valid(version.trim()) !== null;

/** The rules of an Agent check. Publishing requirements are errors under `strict`, warnings otherwise. */
export function evaluateRules(facts: IntegrationFacts, strict: boolean): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const add = (rule: string, level: RuleFinding['level'], file: string, line: number, message: string) =>
    findings.push({ rule, level, file, line, message });
  const invalidToml = (rule: string, file: string, error: Problem) =>
    add(rule, 'error', file, error.line ?? 1, `${file} is not valid TOML: ${error.message}`);
  const publishing = strict ? 'error' : 'warning';
  const name = facts.name;
  const about = paths.about(name);
  const init = paths.init(name);

  for (const [file, python] of Object.entries(facts.python)) {
    if (python.error) {
      const what =
        python.error.kind === 'syntax'
          ? `is not valid Python 3: ${python.error.message}`
          : `cannot be read as Python: ${python.error.message}`;
      add(RULES.python3, 'error', file, python.error.line ?? 1, `${file} ${what}. The Agent v7+ runs Python 3 only.`);
    }
  }

  if (!facts.packageExists) {
    const others = facts.entries.length > 0 ? ` (found datadog_checks/${facts.entries.join(', datadog_checks/')})` : '';
    add(
      RULES.packageName,
      'error',
      'datadog_checks',
      1,
      `The package must be datadog_checks/${name}/, named like the integration folder${others}. Rename it, or run \`ddev create\` to scaffold it.`,
    );
  } else {
    const checks = findCheckClasses(facts.python, `datadog_checks.${name}`);
    const jmx = facts.confExample.isJmx || facts.hasJmxMetrics;
    if (checks.length === 0 && !jmx) {
      add(
        RULES.checkClass,
        'error',
        init,
        1,
        `No class in datadog_checks/${name}/ subclasses AgentCheck (from datadog_checks.base). The Agent loads the check from such a class: add one with a check(self, instance) method.`,
      );
    }
    const signaturesSeen = new Set<string>();
    for (const check of checks) {
      if (check.check === undefined) {
        add(
          RULES.checkMethod,
          'error',
          check.file,
          check.line,
          `${check.name} subclasses AgentCheck but defines no check(self, instance): add it, the Agent calls it on every run.`,
        );
      } else if (check.check !== 'inherited' && check.check.async) {
        add(
          RULES.checkCoroutine,
          'error',
          check.check.file,
          check.check.line,
          `${check.name}.check is a coroutine (async def): the Agent calls check() synchronously. Make it a plain def.`,
        );
      } else if (check.check !== 'inherited' && !acceptsInstance(check.check.signature)) {
        const where = `${check.check.file}:${check.check.line}`;
        if (signaturesSeen.has(where)) continue;
        signaturesSeen.add(where);
        add(
          RULES.checkSignature,
          'error',
          check.check.file,
          check.check.line,
          `${check.name}.check cannot be called as check(instance), as the Agent calls it on every run: define it as def check(self, instance) (or def check(self, _) when it does not use the instance).`,
        );
      }
    }
    const version = facts.python[about];
    if (!version)
      add(
        RULES.aboutVersion,
        'error',
        about,
        1,
        `${about} is missing: it holds __version__ = "X.Y.Z", which the build and the release read.`,
      );
    else if (!version.error && !version.version)
      add(RULES.aboutVersion, 'error', about, 1, `${about} has no __version__ = "X.Y.Z".`);
    else if (version.version && (version.version.value === null || !isPep440(version.version.value))) {
      add(
        RULES.aboutVersion,
        'error',
        about,
        version.version.line,
        `__version__ ${JSON.stringify(version.version.value)} is not a PEP 440 version such as "1.0.0".`,
      );
    }
  }

  const expectedProject = projectName(name);
  if (!facts.pyproject.exists) {
    add(
      RULES.projectName,
      'error',
      paths.pyproject,
      1,
      `pyproject.toml is missing: the wheel is built by hatchling from [project] name = "${expectedProject}".`,
    );
  } else if (facts.pyproject.error) {
    invalidToml(RULES.projectName, paths.pyproject, facts.pyproject.error);
  } else {
    if (facts.pyproject.projectName !== expectedProject) {
      add(
        RULES.projectName,
        'error',
        paths.pyproject,
        facts.pyproject.projectNameLine ?? 1,
        `[project] name is ${JSON.stringify(facts.pyproject.projectName ?? null)}; for the integration ${name} it must be "${expectedProject}".`,
      );
    }
    if (facts.pyproject.versionPath !== about) {
      add(
        RULES.versionPath,
        'error',
        paths.pyproject,
        facts.pyproject.versionPathLine ?? 1,
        `[tool.hatch.version] path is ${JSON.stringify(facts.pyproject.versionPath ?? null)}; it must be "${about}" so that the wheel's version is __about__.__version__.`,
      );
    }
  }

  const example = paths.confExample(name);
  const conf = facts.confExample;
  if (!conf.exists) {
    add(
      RULES.confExample,
      'error',
      example,
      1,
      `${example} is missing: the Agent ships it as the configuration template. Add init_config: and instances: with one example instance.`,
    );
  } else if (conf.error) {
    add(
      RULES.confExample,
      'error',
      example,
      conf.error.line ?? 1,
      `${example} is not valid YAML: ${conf.error.message}`,
    );
  } else if (!Array.isArray(conf.instances) || conf.instances.length === 0) {
    add(
      RULES.confExample,
      'error',
      example,
      conf.instancesLine ?? 1,
      `${example} needs an instances: list with at least one item (the example instance).`,
    );
  } else if (!conf.hasInitConfig) {
    add(
      RULES.initConfig,
      publishing,
      example,
      1,
      `${example} has no init_config: key; add \`init_config:\` (it may be empty).`,
    );
  }

  if (facts.testFiles.length === 0)
    add(
      RULES.tests,
      publishing,
      paths.tests,
      1,
      'No tests (tests/test_*.py): tests are required to publish an integration.',
    );
  if (!facts.hatch.exists)
    add(
      RULES.hatchCollector,
      publishing,
      paths.hatch,
      1,
      'hatch.toml is missing: ddev test needs it, with [env.collectors.datadog-checks].',
    );
  else if (facts.hatch.error) invalidToml(RULES.hatchCollector, paths.hatch, facts.hatch.error);
  else if (!facts.hatch.hasCollector)
    add(
      RULES.hatchCollector,
      publishing,
      paths.hatch,
      1,
      'hatch.toml has no [env.collectors.datadog-checks] table: ddev test needs it.',
    );
  if (!facts.changelogExists)
    add(
      RULES.changelog,
      publishing,
      paths.changelog,
      1,
      'CHANGELOG.md is missing: add one with a "## 1.0.0 / YYYY-MM-DD" entry.',
    );
  return findings;
}
