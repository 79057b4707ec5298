// The `uses:` pins of every workflow, action and doc we ship, as data. Dependabot's github-actions ecosystem
// reads `.github/workflows/*.yml` and the root `action.yml` of each configured directory only: not the starter
// workflows in workflows/, not composite actions in subfolders, not the README's snippets. So every third-party
// action must be pinned where Dependabot looks, and every other copy must carry the same pin: then a Dependabot
// bump fails CI until `pins sync` carries it everywhere. No I/O here.
import { parse } from 'yaml';

export interface UsesRef {
  file: string;
  line: number;
  /** `actions/checkout`, `actions/cache/restore`, `org/agent-integration-ci/actions/plan`. */
  action: string;
  /** `owner/repo`. */
  repository: string;
  ref: string;
  /** The trailing `# v5.0.0` comment, if any. */
  comment: string | undefined;
  /** The line as written, for rewriting. */
  text: string;
}

const USES = /^(\s*(?:-\s+)?uses:\s*)(['"]?)([^\s'"#@]+)@([^\s'"#]+)\2(\s*#\s*(\S+))?\s*$/;

/** Every `uses: owner/repo[/path]@ref` line of a file (local `./` actions and `docker://` images are not pins). */
export function findUses(file: string, text: string): UsesRef[] {
  const refs: UsesRef[] = [];
  text.split('\n').forEach((raw, index) => {
    const match = USES.exec(raw);
    if (!match) return;
    const action = match[3]!;
    if (action.startsWith('.') || action.startsWith('docker:') || action.split('/').length < 2) return;
    refs.push({
      file,
      line: index + 1,
      action,
      repository: action.split('/').slice(0, 2).join('/'),
      ref: match[4]!,
      comment: match[6],
      text: raw,
    });
  });
  return refs;
}

/**
 * The files Dependabot's github-actions ecosystem updates, from .github/dependabot.yml: for each directory listed,
 * its `.github/workflows/*.yml` and its `action.yml` (nothing deeper: composite actions in subfolders need their own
 * entry).
 */
export function dependabotView(dependabotYaml: string): (file: string) => boolean {
  const config = parse(dependabotYaml) as {
    updates?: { 'package-ecosystem'?: string; directory?: string; directories?: string[] }[];
  };
  const folders = (config.updates ?? [])
    .filter((update) => update['package-ecosystem'] === 'github-actions')
    .flatMap((update) => update.directories ?? (update.directory ? [update.directory] : []))
    .map((folder) => folder.replace(/^\/+|\/+$/g, ''));
  return (file) =>
    folders.some((folder) => {
      const prefix = folder === '' ? '' : `${folder}/`;
      if (file === `${prefix}action.yml` || file === `${prefix}action.yaml`) return true;
      const rest = file.startsWith(`${prefix}.github/workflows/`)
        ? file.slice(`${prefix}.github/workflows/`.length)
        : undefined;
      return rest !== undefined && !rest.includes('/') && /\.ya?ml$/.test(rest);
    });
}

export interface PinPolicy {
  /** The files Dependabot updates (its view). */
  watched: (file: string) => boolean;
  /** Our own actions (`org/agent-integration-ci`): referenced by our major tag, never by SHA. */
  ownRepository: string;
  majorTag: string;
}

export interface PinFinding {
  file: string;
  line: number;
  message: string;
}

export interface PinFix {
  file: string;
  line: number;
  /** The whole new line. */
  text: string;
}

const SHA = /^[0-9a-f]{40}$/;

/** What is wrong with the pins, and the line rewrites `sync` makes (only where the right pin is certain). */
export function checkPins(refs: readonly UsesRef[], policy: PinPolicy): { findings: PinFinding[]; fixes: PinFix[] } {
  const findings: PinFinding[] = [];
  const fixes: PinFix[] = [];
  const rewrite = (ref: UsesRef, pin: string, comment: string | undefined) =>
    fixes.push({
      file: ref.file,
      line: ref.line,
      text: ref.text.replace(
        USES,
        (_, lead: string, quote: string, action: string) =>
          `${lead}${quote}${action}@${pin}${quote}${comment ? ` # ${comment}` : ''}`,
      ),
    });

  const thirdParty = refs.filter((ref) => ref.repository.toLowerCase() !== policy.ownRepository.toLowerCase());
  for (const ref of refs) {
    if (thirdParty.includes(ref)) continue;
    if (ref.ref !== policy.majorTag) {
      findings.push({
        ...at(ref),
        message: `${ref.action}@${ref.ref}: our own actions are referenced by the major tag, @${policy.majorTag}.`,
      });
      rewrite(ref, policy.majorTag, undefined);
    }
  }

  const byRepository = new Map<string, UsesRef[]>();
  for (const ref of thirdParty) byRepository.set(ref.repository, [...(byRepository.get(ref.repository) ?? []), ref]);
  for (const [repository, uses] of byRepository) {
    for (const ref of uses) {
      if (!SHA.test(ref.ref)) {
        findings.push({
          ...at(ref),
          message: `${ref.action}@${ref.ref}: pin third-party actions to a full commit SHA (with its version as a comment).`,
        });
      } else if (!ref.comment) {
        findings.push({
          ...at(ref),
          message: `${ref.action}@${ref.ref.slice(0, 12)}…: say which version the SHA is (# vX.Y.Z).`,
        });
      }
    }
    const watchedPins = new Map<string, UsesRef>();
    for (const ref of uses.filter((use) => policy.watched(use.file) && SHA.test(use.ref)))
      watchedPins.set(ref.ref, ref);
    if (!uses.some((use) => policy.watched(use.file))) {
      for (const ref of uses) {
        findings.push({
          ...at(ref),
          message: `${repository} is pinned only where Dependabot does not look (.github/workflows and the root action.yml are its view): it would never be updated. Use it in a workflow of .github/workflows too, or add its folder to .github/dependabot.yml.`,
        });
      }
      continue;
    }
    if (watchedPins.size === 0) continue; // no SHA where Dependabot looks: said above
    if (watchedPins.size > 1) {
      const pins = [...watchedPins.values()].map(
        (ref) => `${ref.ref.slice(0, 12)} (${ref.comment ?? '?'}, ${ref.file}:${ref.line})`,
      );
      findings.push({
        ...at([...watchedPins.values()][0]!),
        message: `${repository} is pinned to ${watchedPins.size} commits: ${pins.join(', ')}. Pin one.`,
      });
      continue;
    }
    const [pin] = [...watchedPins.values()];
    for (const ref of uses) {
      if (ref.ref === pin!.ref && ref.comment === pin!.comment) continue;
      if (!policy.watched(ref.file)) rewrite(ref, pin!.ref, pin!.comment);
      if (!SHA.test(ref.ref)) continue; // already said
      findings.push({
        ...at(ref),
        message: `${ref.action}@${ref.ref.slice(0, 12)}${ref.comment ? ` (${ref.comment})` : ''} lags the pin Dependabot keeps, ${pin!.ref.slice(0, 12)} (${pin!.comment}) at ${pin!.file}:${pin!.line}.`,
      });
    }
  }
  return { findings: findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line), fixes };
}

const at = (ref: UsesRef) => ({ file: ref.file, line: ref.line });

/** Applies line rewrites to a file's text. */
export function applyFixes(text: string, fixes: readonly PinFix[]): string {
  const lines = text.split('\n');
  for (const fix of fixes) lines[fix.line - 1] = fix.text;
  return lines.join('\n');
}
