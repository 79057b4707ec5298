// GitHub's rule for calling a reusable workflow, as code: before it evaluates any `if:`, GitHub checks every
// job of the called workflow (and of the workflows those jobs call) against the permissions the calling job
// grants, and refuses to start the run when one asks for more ("The nested job 'release' is requesting
// 'contents: write', but is only allowed 'contents: read'"; actions/runner#4151).

export type Level = 'none' | 'read' | 'write';
/** Scope → level, every scope GitHub knows spelled out (absent scopes are `none`). */
export type Grant = Readonly<Record<string, Level>>;

/** The scopes of GITHUB_TOKEN (`metadata` is always read and never written in a workflow). */
export const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;

const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

const everyScope = (level: Level): Grant => Object.fromEntries(SCOPES.map((scope) => [scope, level]));

/**
 * What a job gets when neither it nor its workflow says: the repository's default, taken at its most
 * restrictive setting (GitHub's default for new organizations and repositories): contents and packages read.
 */
export const RESTRICTED_DEFAULT: Grant = { ...everyScope('none'), contents: 'read', packages: 'read' };

/** A `permissions:` value (`read-all`, `write-all`, `{}` or a map) as a grant; undefined when absent. */
export function grantOf(permissions: unknown, where: string): Grant | undefined {
  if (permissions === undefined || permissions === null) return undefined;
  if (permissions === 'read-all') return everyScope('read');
  if (permissions === 'write-all') return everyScope('write');
  if (typeof permissions !== 'object' || Array.isArray(permissions)) {
    throw new Error(`${where}: permissions must be read-all, write-all or a map, not ${JSON.stringify(permissions)}`);
  }
  const grant: Record<string, Level> = everyScope('none');
  for (const [scope, level] of Object.entries(permissions as Record<string, unknown>)) {
    if (!(SCOPES as readonly string[]).includes(scope)) throw new Error(`${where}: unknown permission '${scope}'`);
    if (level !== 'none' && level !== 'read' && level !== 'write') {
      throw new Error(`${where}: permission ${scope} is ${JSON.stringify(level)}, not read, write or none`);
    }
    grant[scope] = level;
  }
  return grant;
}

/** The scopes where `asked` goes beyond `allowed`, in GitHub's words. */
export function excess(asked: Grant, allowed: Grant): string[] {
  return SCOPES.filter((scope) => RANK[asked[scope] ?? 'none'] > RANK[allowed[scope] ?? 'none']).map(
    (scope) => `'${scope}: ${asked[scope]}', but is only allowed '${scope}: ${allowed[scope] ?? 'none'}'`,
  );
}

export interface WorkflowDocument {
  permissions?: unknown;
  jobs?: Record<string, { uses?: string; permissions?: unknown }>;
}

/** Reads the workflow a job's `uses:` names, or undefined when it is not one we can read (another repository). */
export type ResolveWorkflow = (uses: string) => { name: string; document: WorkflowDocument } | undefined;

/**
 * Every refusal GitHub would give for the reusable-workflow calls in `workflow`: for each job that calls one,
 * each nested job's permissions (its own, else its workflow's, else the caller's grant) must fit the grant.
 */
export function refusedCalls(
  name: string,
  workflow: WorkflowDocument,
  resolve: ResolveWorkflow,
  inherited: Grant = RESTRICTED_DEFAULT,
): string[] {
  const problems: string[] = [];
  const workflowGrant = grantOf(workflow.permissions, `${name}: permissions`);
  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    if (!job.uses || !job.uses.includes('.github/workflows/')) continue;
    const grant = grantOf(job.permissions, `${name}: jobs.${id}.permissions`) ?? workflowGrant ?? inherited;
    const called = resolve(job.uses);
    if (!called) continue;
    const calledGrant = grantOf(called.document.permissions, `${called.name}: permissions`);
    for (const [nestedId, nested] of Object.entries(called.document.jobs ?? {})) {
      const asked = grantOf(nested.permissions, `${called.name}: jobs.${nestedId}.permissions`) ?? calledGrant ?? grant;
      for (const text of excess(asked, grant)) {
        problems.push(`${name} → jobs.${id} (${job.uses}): the nested job '${nestedId}' is requesting ${text}.`);
      }
    }
    // A nested job that calls a workflow of its own grants what it was given.
    problems.push(...refusedCalls(called.name, called.document, resolve, calledGrant ?? grant));
  }
  return problems;
}
