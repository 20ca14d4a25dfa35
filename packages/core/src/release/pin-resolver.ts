import type { PinnedRelease } from './fact-changes.js';
import { isReleaseVersion, readPin } from './pin.js';

/** What a report's pin resolves to: the pinned release's facts, or why they cannot be had, located at the pin. */
export type PinResolution =
  | { kind: 'none' }
  | { kind: 'current'; version: string }
  | { kind: 'pinned'; release: PinnedRelease }
  | { kind: 'problem'; start: number; end: number; message: string };

/**
 * Resolves the `factcite:` pin of a report; each pinned version's snapshot
 * is read once, through `readSnapshot` (core/node's readReleaseSnapshot on a
 * disk, which checks the version and keeps the path inside the corpus's
 * releases/ folder; an editor host passes its own I/O). A reader that throws
 * makes the pin a problem located where the pin is written.
 */
export function createPinResolver(readSnapshot: (version: string) => PinnedRelease, currentVersion: string | undefined): (text: string) => PinResolution {
  const cache = new Map<string, PinnedRelease | Error>();
  return (text) => {
    const pin = readPin(text);
    if (!pin) return { kind: 'none' };
    if (!isReleaseVersion(pin.version)) {
      return { kind: 'problem', start: pin.start, end: pin.end, message: `The pin "factcite: ${pin.version}" names no release; write a version such as 0.1.0` };
    }
    if (pin.version === currentVersion) return { kind: 'current', version: pin.version };
    let found = cache.get(pin.version);
    if (!found) {
      try {
        found = readSnapshot(pin.version);
      } catch (error) {
        found = error instanceof Error ? error : new Error(String(error));
      }
      cache.set(pin.version, found);
    }
    if (found instanceof Error) return { kind: 'problem', start: pin.start, end: pin.end, message: `Cannot compare with the pinned release: ${found.message}` };
    return { kind: 'pinned', release: found };
  };
}
