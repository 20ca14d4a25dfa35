import { formatMessage, type MessageRef } from '../messages/format.js';
import type { PinnedRelease } from './fact-changes.js';
import { isReleaseVersion, readPin } from './pin.js';

/** What a report's pin resolves to: the pinned release's facts, or why they cannot be had, located at the pin. */
export type PinResolution =
  | { kind: 'none' }
  | { kind: 'current'; version: string }
  | { kind: 'pinned'; release: PinnedRelease }
  | {
      kind: 'problem';
      start: number;
      end: number /** In English. */;
      message: string /** For a front end to write in its writer's language. */;
      detail: MessageRef;
    };

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
      return problem(pin, { id: 'pin.no-release', params: { version: pin.version } });
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
    if (found instanceof Error) return problem(pin, { id: 'pin.unreadable', params: { error: found.message } });
    return { kind: 'pinned', release: found };
  };
}

function problem(at: { start: number; end: number }, detail: MessageRef): PinResolution {
  return { kind: 'problem', start: at.start, end: at.end, message: formatMessage(detail), detail };
}
