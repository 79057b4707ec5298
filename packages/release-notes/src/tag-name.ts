/** Tag names from the `tag-format` input: `<integration>` and `<version>` are replaced. */

export const DEFAULT_TAG_FORMAT = '<integration>-<version>';

/** The problem with a format, or undefined when it is usable. */
export function checkTagFormat(format: string): string | undefined {
  if (!format.includes('<version>'))
    return `${JSON.stringify(format)} has no <version> placeholder: every release needs its own tag.`;
  const unknown = /<(?!integration>|version>)[^>]*>/.exec(format);
  if (unknown)
    return `${JSON.stringify(format)} has an unknown placeholder ${unknown[0]}: use <integration> and <version>.`;
  return undefined;
}

export function tagName(format: string, integration: string, version: string): string {
  return format.replaceAll('<integration>', integration).replaceAll('<version>', version);
}

/**
 * git's rules for a tag name (check-ref-format), checked here so that a bad format is one clear error
 * before anything runs.
 */
export function checkTagName(tag: string): string | undefined {
  const bad =
    tag === '' ||
    tag.startsWith('-') ||
    tag.startsWith('/') ||
    tag.endsWith('/') ||
    tag.endsWith('.') ||
    tag.endsWith('.lock') ||
    tag.includes('..') ||
    tag.includes('@{') ||
    tag.includes('//') ||
    tag === '@' ||
    [...tag].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f) ||
    /[~^:?*[\\]/.test(tag) ||
    tag.split('/').some((part) => part.startsWith('.'));
  return bad ? `${JSON.stringify(tag)} is not a valid git tag name.` : undefined;
}
