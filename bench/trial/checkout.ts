import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface Checkout {
  root: string;
  /** The full commit id. */
  commit: string;
}

const git = (args: readonly string[], cwd?: string): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The full id of `commit` in the bare mirror; throws a one-line message when either is missing. */
export function resolveCommit(mirror: string, commit: string): string {
  if (!existsSync(mirror)) {
    throw new Error(
      `No integrations-extras mirror at ${mirror}: pass --mirror <bare git dir> or set AIC_EXTRAS_MIRROR.`,
    );
  }
  try {
    return git(['--git-dir', mirror, 'rev-parse', '--verify', `${commit}^{commit}`]);
  } catch {
    throw new Error(`The mirror ${mirror} has no commit ${commit}.`);
  }
}

/**
 * A working tree of the mirror at `commit`, in a stable path under `workdir` (hatch keys its environments by
 * the project's path, so a stable path keeps them warm across runs). Reused when it is already there.
 */
export function prepareCheckout(mirror: string, commit: string, workdir: string): Checkout {
  const root = path.join(workdir, `integrations-extras-${commit.slice(0, 12)}`);
  if (!existsSync(path.join(root, '.git'))) {
    git(['clone', '--quiet', '--shared', '--no-checkout', mirror, root]);
    git(['checkout', '--quiet', '--detach', commit], root);
  }
  const head = git(['rev-parse', 'HEAD'], root);
  if (head !== commit) throw new Error(`${root} is at ${head}, not ${commit}: remove it and run again.`);
  return { root, commit };
}

/**
 * Puts an integration's folder back as committed: what one side wrote there must not reach the other. From
 * `git archive`, not `git checkout`: that takes the index lock, which two trial runs at once would fight over.
 */
export function restoreFolder(checkout: Checkout, folder: string): void {
  const archive = execFileSync('git', ['archive', '--format=tar', checkout.commit, '--', folder], {
    cwd: checkout.root,
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  rmSync(path.join(checkout.root, folder), { recursive: true, force: true });
  execFileSync('tar', ['-x', '-C', checkout.root], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
}

export interface Inventory {
  /** Folders with a `datadog_checks/<package>/__init__.py`: the Agent checks. */
  checks: string[];
  /** Folders with a manifest.json and no Python package: tiles (dashboards, logs pipelines, …). */
  tileOnly: string[];
}

export function inventory(checkout: Checkout): Inventory {
  const checks: string[] = [];
  const tileOnly: string[] = [];
  for (const entry of readdirSync(checkout.root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const folder = path.join(checkout.root, entry.name);
    const packages = path.join(folder, 'datadog_checks');
    const isCheck =
      existsSync(packages) &&
      readdirSync(packages, { withFileTypes: true }).some(
        (pkg) => pkg.isDirectory() && existsSync(path.join(packages, pkg.name, '__init__.py')),
      );
    if (isCheck) checks.push(entry.name);
    else if (existsSync(path.join(folder, 'manifest.json'))) tileOnly.push(entry.name);
  }
  return { checks: checks.sort(), tileOnly: tileOnly.sort() };
}
