/** A wheel file name's parts (PEP 427): `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
export interface WheelFilename {
  name: string;
  version: string;
  build: string | undefined;
  /** Every `python-abi-platform` tag the name stands for: `py2.py3-none-any` is two. */
  tags: string[];
}

export function parseWheelFilename(filename: string): WheelFilename | undefined {
  if (!filename.endsWith('.whl')) return undefined;
  const parts = filename.slice(0, -'.whl'.length).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts as [string, string];
  const build = parts.length === 6 ? parts[2] : undefined;
  const [pythons, abis, platforms] = parts.slice(-3).map((part) => part.split('.')) as [string[], string[], string[]];
  if ([name, version, ...pythons, ...abis, ...platforms].some((part) => part === '')) return undefined;
  const tags = pythons.flatMap((python) =>
    abis.flatMap((abi) => platforms.map((platform) => `${python}-${abi}-${platform}`)),
  );
  return { name, version, build, tags };
}

/** The tags of `wheel` that an interpreter supporting `supported` (packaging's `sys_tags()`) can install. */
export function installableTags(wheel: WheelFilename, supported: ReadonlySet<string>): string[] {
  return wheel.tags.filter((tag) => supported.has(tag.toLowerCase()));
}
