import { existsSync, readFileSync } from 'node:fs';

/** The base of a pull request from the event payload (GITHUB_EVENT_PATH), or the previous commit of a push. */
export function baseFromEvent(eventPath: string | undefined): string | undefined {
  if (!eventPath || !existsSync(eventPath)) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      pull_request?: { base?: { sha?: string } };
      before?: string;
    };
    const before = event.before && !/^0+$/.test(event.before) ? event.before : undefined;
    return event.pull_request?.base?.sha ?? before;
  } catch {
    return undefined;
  }
}
