/** How much a release changes, in semver terms; `none` when nothing changed. */
export type Bump = 'none' | 'patch' | 'minor' | 'major';

const ORDER: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

export function isBump(value: unknown): value is Bump {
  return typeof value === 'string' && (ORDER as readonly string[]).includes(value);
}

/** Negative when a is the smaller bump. */
export function compareBumps(a: Bump, b: Bump): number {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}

/** The largest of some bumps; `none` for none. */
export function maxBump(...bumps: Bump[]): Bump {
  return bumps.reduce<Bump>((max, b) => (compareBumps(b, max) > 0 ? b : max), 'none');
}

/** [major, minor, patch] of a plain x.y.z version, or undefined. */
export function parseVersion(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Negative when a is the earlier version. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parseVersion(a), parseVersion(b)];
  if (!pa || !pb) return a.localeCompare(b);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

/** The version a bump leads to, as `changeset version` computes it. */
export function bumpVersion(version: string, bump: Bump): string {
  const v = parseVersion(version);
  if (!v) throw new RangeError(`not a version: ${version}`);
  if (bump === 'major') return `${v[0] + 1}.0.0`;
  if (bump === 'minor') return `${v[0]}.${v[1] + 1}.0`;
  if (bump === 'patch') return `${v[0]}.${v[1]}.${v[2] + 1}`;
  return version;
}

/** The bump that leads from one version to a later one. */
export function bumpBetween(from: string, to: string): Bump {
  const [a, b] = [parseVersion(from), parseVersion(to)];
  if (!a || !b || compareVersions(to, from) <= 0) return 'none';
  if (b[0] > a[0]) return 'major';
  if (b[1] > a[1]) return 'minor';
  return 'patch';
}
