/** Summaries of V8 CPU profiles (node --cpu-prof), to say where the time of a missed target goes. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Who to charge a script to: its package, or the file. */
function owner(url: string): string {
  if (!url) return '(V8: compile, GC, runtime)';
  const pnpm = url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pnpm) return pnpm[1]!;
  const plain = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (plain) return plain[1]!;
  const ours = url.match(/(packages|extensions|corpus)\/[^/]+/);
  if (ours) return `${ours[0]}/${path.basename(url)}`;
  return url.startsWith('node:') ? 'Node.js' : path.basename(url);
}

/** Self time by owner, largest first, in ms, from the one profile in `dir`. */
export function profileByOwner(dir: string, top = 6): { owner: string; ms: number }[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return [];
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    const name = node.callFrame.functionName;
    const key = name === '(idle)' || name === '(program)' ? '' : name === '(garbage collector)' ? '(V8: compile, GC, runtime)' : owner(node.callFrame.url);
    if (key) totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals]
    .map(([o, ms]) => ({ owner: o, ms: Math.round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
