/**
 * A guard in front of the LSP reader on stdio. vscode-jsonrpc stops reading,
 * silently, at a message without a Content-Length, and waits without end for
 * the body of an absurd one; the server then answers nothing and says
 * nothing. This guard checks each header as the bytes pass and, at the first
 * bad one, reports why so the server can log it and exit (the client
 * restarts it): framing is lost by then, and guessing where the next message
 * starts could run a request the client never sent.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Largest message accepted, in bytes: far above any real document sync. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Largest header block: a few short lines in practice. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

/** Checks one header block; returns the body length or why the header is unusable. */
export function contentLength(header: string, maxBytes = MAX_MESSAGE_BYTES): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `malformed header line ${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `Content-Length is not a byte count: ${JSON.stringify(value.slice(0, 40))}`;
    length = Number(value);
  }
  if (length === undefined) return 'a message header has no Content-Length';
  if (length > maxBytes) return `Content-Length ${length} is over the ${maxBytes} byte limit`;
  return length;
}

/**
 * Passes LSP-framed bytes through unchanged while checking every header;
 * calls `onViolation` once, with the reason, and stops passing data on the
 * first bad header.
 */
export function guardFraming(onViolation: (reason: string) => void, maxBytes = MAX_MESSAGE_BYTES): Transform {
  let header = Buffer.alloc(0);
  let bodyLeft = 0;
  let failed = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (failed) return done();
      let at = 0;
      while (at < chunk.length) {
        if (bodyLeft > 0) {
          const take = Math.min(bodyLeft, chunk.length - at);
          this.push(chunk.subarray(at, at + take));
          bodyLeft -= take;
          at += take;
          continue;
        }
        // Only the new bytes (and the last three of the old) are searched, so a header read byte by byte stays linear.
        const searchFrom = Math.max(0, header.length - 3);
        header = Buffer.concat([header, chunk.subarray(at)]);
        at = chunk.length;
        const end = header.indexOf(HEADER_END, searchFrom);
        if (end < 0) {
          if (header.length > MAX_HEADER_BYTES) {
            failed = true;
            onViolation(`a message header runs past ${MAX_HEADER_BYTES} bytes without ending`);
          }
          break;
        }
        const length = contentLength(header.subarray(0, end).toString('ascii'), maxBytes);
        if (typeof length === 'string') {
          failed = true;
          onViolation(length);
          break;
        }
        this.push(header.subarray(0, end + HEADER_END.length));
        const rest = header.subarray(end + HEADER_END.length);
        header = Buffer.alloc(0);
        bodyLeft = length;
        // The rest of this chunk is body or the next header: go round again with it.
        chunk = rest;
        at = 0;
      }
      done();
    },
  });
}
