/** Which classes of an integration are Agent checks, from the facts Python's `ast` gave (no I/O). */

/** The positional calls a `def` accepts, self included; null when decorated (a decorator may change it). */
export type Signature = {
  required: number;
  /** null with `*args`: any number. */
  positional: number | null;
  requiredKeywordOnly: number;
} | null;

export interface ClassFact {
  name: string;
  line: number;
  bases: (string | null)[];
  check: { line: number; async: boolean; signature: Signature } | null;
}

export interface PythonFileFacts {
  module?: string;
  classes?: ClassFact[];
  imports?: Record<string, string>;
  version?: { line: number; value: string | null } | null;
  error?: { kind: 'syntax' | 'binary' | 'unreadable'; message: string; line?: number };
}

export interface CheckClass {
  file: string;
  name: string;
  line: number;
  /** Where `check` is defined in the class or a local ancestor; `inherited` when a base class provides it. */
  check: { file: string; line: number; async: boolean; signature: Signature } | 'inherited' | undefined;
}

/** Whether `check` can be called as the Agent calls it, `check(instance)`: self plus one positional argument. */
export function acceptsInstance(signature: Signature): boolean {
  if (signature === null) return true;
  const { required, positional, requiredKeywordOnly } = signature;
  return required <= 2 && (positional === null || positional >= 2) && requiredKeywordOnly === 0;
}

const BASE_PACKAGES = ['datadog_checks.base', 'datadog_checks.checks', 'checks'];

interface Located {
  file: string;
  fact: ClassFact;
  imports: Record<string, string>;
  module: string;
}

/**
 * Finds the classes that subclass `AgentCheck` directly, through a `datadog_checks.base` class (the
 * OpenMetrics bases…), or through a chain of the integration's own classes across its modules.
 */
export function findCheckClasses(files: Record<string, PythonFileFacts>, packagePrefix: string): CheckClass[] {
  const byQualifiedName = new Map<string, Located>();
  const modules = new Map<string, { file: string; imports: Record<string, string> }>();
  for (const [file, facts] of Object.entries(files)) {
    if (!facts.module?.startsWith(packagePrefix) || !facts.classes) continue;
    modules.set(facts.module, { file, imports: facts.imports ?? {} });
    for (const fact of facts.classes)
      byQualifiedName.set(`${facts.module}.${fact.name}`, {
        file,
        fact,
        imports: facts.imports ?? {},
        module: facts.module,
      });
  }

  /** A name as written in `module` → its fully qualified name, following re-exports in the package. */
  const qualify = (written: string, module: string, imports: Record<string, string>, hops = 0): string => {
    const [head, ...rest] = written.split('.');
    let qualified: string;
    if (imports[head!] !== undefined) qualified = [imports[head!], ...rest].join('.');
    else if (byQualifiedName.has(`${module}.${written}`)) qualified = `${module}.${written}`;
    else qualified = written;
    if (hops < 5 && qualified.startsWith(packagePrefix) && !byQualifiedName.has(qualified)) {
      const split = qualified.lastIndexOf('.');
      const owner = modules.get(qualified.slice(0, split));
      if (owner) return qualify(qualified.slice(split + 1), qualified.slice(0, split), owner.imports, hops + 1);
    }
    return qualified;
  };

  type Verdict = { isCheck: boolean; check: CheckClass['check'] };
  const cache = new Map<string, Verdict>();
  const judge = (qualified: string, depth: number): Verdict => {
    const cached = cache.get(qualified);
    if (cached) return cached;
    const notCheck: Verdict = { isCheck: false, check: undefined };
    if (depth > 20) return notCheck;
    const located = byQualifiedName.get(qualified);
    if (!located) {
      const last = qualified.split('.').pop() ?? '';
      if (!BASE_PACKAGES.some((prefix) => qualified.startsWith(`${prefix}.`))) return notCheck;
      if (last === 'AgentCheck') return { isCheck: true, check: undefined };
      return /Check/.test(last) ? { isCheck: true, check: 'inherited' } : notCheck;
    }
    cache.set(qualified, notCheck);
    const own = located.fact.check ? { file: located.file, ...located.fact.check } : undefined;
    let verdict = notCheck;
    for (const base of located.fact.bases) {
      if (!base) continue;
      const parent = judge(qualify(base, located.module, located.imports), depth + 1);
      if (parent.isCheck) {
        verdict = { isCheck: true, check: own ?? parent.check };
        if (verdict.check) break;
      }
    }
    cache.set(qualified, verdict);
    return verdict;
  };

  const found: CheckClass[] = [];
  for (const [qualified, located] of byQualifiedName) {
    const verdict = judge(qualified, 0);
    if (verdict.isCheck)
      found.push({ file: located.file, name: located.fact.name, line: located.fact.line, check: verdict.check });
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
