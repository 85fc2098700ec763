// Writing a file atomically: a temporary file in the same folder, flushed, then renamed over the target.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bytesOf, isBytePath } from './byte-paths.js';

/** What the file looked like when it was read; the write is refused if it has changed since. */
export interface Expected {
  size: number;
  mtimeMs: number;
}

/** Thrown when the file changed between reading and writing (an editor saved it meanwhile). */
export class ChangedOnDiskError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk while it was being fixed`);
  }
}

/**
 * Writes `data` to `file` so that readers see either the old or the new content, never a part: the bytes
 * go to a temporary file beside the target (same file system, so the rename is atomic), are flushed to
 * disk, take the target's permissions, and the temporary file is renamed over the target. A symbolic
 * link is followed: its target is replaced, the link stays. With `expected`, refuses (ChangedOnDiskError)
 * when the target's size or modification time differ from what was read. The temporary file never
 * survives a failure.
 */
export function writeFileAtomic(file: string, data: Uint8Array | Iterable<Uint8Array | string>, expected?: Expected): void {
  // Path work on bytes, so that a name that is not UTF-8 (byte-paths.ts) is written where it was read.
  let target = bytesOf(isBytePath(file) ? file : path.resolve(file));
  let mode = 0o666;
  try {
    target = fs.realpathSync.native(target, { encoding: 'buffer' }); // the JS realpath loses bytes that are not UTF-8
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // A new file: the default mode, less the umask (applied by open).
  }
  const slash = target.lastIndexOf(path.sep.charCodeAt(0));
  const tmp = Buffer.concat([
    target.subarray(0, slash + 1),
    Buffer.from('.'),
    target.subarray(slash + 1),
    Buffer.from(`.${process.pid}.${crypto.randomBytes(4).toString('hex')}.planlint-tmp`),
  ]);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    writeAll(fd, data);
    if (mode !== 0o666) fs.fchmodSync(fd, mode); // open applied the umask; keep the original's exact mode
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (expected) {
      const now = fs.statSync(target, { throwIfNoEntry: false });
      if (!now || now.size !== expected.size || now.mtimeMs !== expected.mtimeMs) throw new ChangedOnDiskError(file);
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
    throw error;
  }
}

/** A piece of output: text (written as UTF-8) or bytes. */
type Chunk = Uint8Array | string;

function writeAll(fd: number, data: Uint8Array | Iterable<Chunk>): void {
  const encoder = new TextEncoder();
  for (const chunk of data instanceof Uint8Array ? [data] : data) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
  }
}

/**
 * Writes output the user asked for with `-o`: a regular file (or a new one) is replaced atomically
 * (`writeFileAtomic`); anything else that exists — a FIFO, a terminal, `/dev/null`, a socket — is opened
 * and written to directly, never replaced: renaming a file over `/dev/null` as root would turn it into
 * a regular file. `data` may be a sequence of chunks, written as they come (a report is never one
 * string in memory).
 */
export function writeOutput(file: string, data: Uint8Array | Iterable<Chunk>): void {
  const target = path.resolve(file);
  const st = fs.statSync(target, { throwIfNoEntry: false });
  if (!st || st.isFile()) {
    writeFileAtomic(target, data);
    return;
  }
  const fd = fs.openSync(target, 'w');
  try {
    writeAll(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}
