/** Tag names from the `tag-format` input: `<integration>` and `<version>` are replaced. */

export const DEFAULT_TAG_FORMAT = '<integration>-<version>';

/** The problem with a format, or undefined when it is usable. */
export function checkTagFormat(format: string): string | undefined {
  if (!format.includes('<version>'))
    return `${JSON.stringify(format)} has no <version> placeholder: every release needs its own tag.`;
  const unknown = /<(?!integration>|version>)[^<>]*>/.exec(format);
  if (unknown)
    return `${JSON.stringify(format)} has an unknown placeholder ${unknown[0]}: use <integration> and <version>.`;
  return undefined;
}

export function tagName(format: string, integration: string, version: string): string {
  return format.replaceAll('<integration>', integration).replaceAll('<version>', version);
}

const shown = (tag: string): string => JSON.stringify(tag.length > 80 ? `${tag.slice(0, 77)}...` : tag);

/** Longest ref component in bytes: git writes `<component>.lock` beside it, and a file name has 255 bytes at most. */
const MAX_COMPONENT_BYTES = 250;

/**
 * What `git tag <tag>` accepts: not starting with `-`, and `refs/tags/<tag>` passing git's check_refname_format
 * (the rules of `git check-ref-format`, exactly; the release plan asks git itself too). Also every component
 * short enough to be a file name, since git writes each ref as a file. Checked before anything is pushed.
 */
export function checkTagName(tag: string): string | undefined {
  const invalid = `${shown(tag)} is not a valid git tag name`;
  if (tag === '') return `${invalid}: it is empty.`;
  if (tag.startsWith('-')) return `${invalid}: it starts with '-'.`;
  const ref = `refs/tags/${tag}`;
  if (ref.endsWith('/') || ref.endsWith('.')) return `${invalid}: it ends with '${ref.at(-1)}'.`;
  if (ref.includes('..')) return `${invalid}: it contains '..'.`;
  if (ref.includes('@{')) return `${invalid}: it contains '@{'.`;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || ' ~^:?*[\\'.includes(char))
      return `${invalid}: it contains ${code < 0x20 || code === 0x7f ? 'a control character' : `'${char}'`}.`;
  }
  for (const component of ref.split('/')) {
    if (component === '') return `${invalid}: it has an empty part ('//').`;
    if (component.startsWith('.')) return `${invalid}: a part starts with '.'.`;
    if (component.endsWith('.lock')) return `${invalid}: a part ends with '.lock'.`;
    if (Buffer.byteLength(component) > MAX_COMPONENT_BYTES)
      return `${invalid}: a part is longer than ${MAX_COMPONENT_BYTES} bytes (git stores each ref as a file).`;
  }
  return undefined;
}
