/**
 * The steps speak to action users ("Input 'python': …", "set 'repo' to …"); on a terminal the same
 * things are flags. This rewrites those names into the CLI's flags, so an error tells what to type.
 */
const FLAGS: Record<string, string> = {
  integrations: '--integration',
  'integrations-path': '--integrations-path',
  repo: '--repo-kind',
  'repo-path': '--repo',
  python: '--python',
  'ddev-version': '--ddev-version',
  'out-dir': '--out-dir',
  'base-ref': '--base',
  'head-ref': '--base',
  builder: '--builder',
  'smoke-test': '--no-smoke-test',
};

export function inCliWords(text: string): string {
  return text
    .replace(/\bInput '([\w-]+)'/g, (whole, name: string) => (FLAGS[name] ? FLAGS[name] : whole))
    .replace(/\b(set|Set|check|Check|use|Use|the) '([\w-]+)'/g, (whole, verb: string, name: string) =>
      FLAGS[name] ? `${verb} ${FLAGS[name]}` : whole,
    );
}
