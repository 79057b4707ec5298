/** The registry an image reference pulls from: its first part when that names a host, else Docker Hub. */
export function imageRegistry(image: string): string {
  const slash = image.indexOf('/');
  if (slash === -1) return 'docker.io';
  const first = image.slice(0, slash);
  if (!(first.includes('.') || first.includes(':') || first === 'localhost')) return 'docker.io';
  return first === 'index.docker.io' || first === 'registry-1.docker.io' ? 'docker.io' : first;
}

/** What to do when `registry` rate-limits the pulls: Docker Hub's anonymous quota, or the limit of the registry named. */
export function rateLimitHint(registry: string): string {
  if (registry === 'docker.io') {
    return 'Docker Hub rate-limited the anonymous pulls (toomanyrequests): log in with docker/login-action before this step, or use a registry mirror.';
  }
  return `the registry ${registry} rate-limited the pulls (toomanyrequests, HTTP 429): log in to ${registry} with docker/login-action before this step, raise its limit, or re-run later.`;
}
