// Temporary workspaces for protocol tests: copies of samples, config files, and the server's view of them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SAMPLES } from '../helpers/paths.js';

/** A folder under the system temp directory, removed by `dispose`. */
export class TempWorkspace {
  readonly root: string;

  constructor(prefix = 'planlint-lsp-') {
    // realpath: the temp folder may itself sit behind a symbolic link.
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  }

  /** Writes `rel` (creating folders) and returns its absolute path. */
  write(rel: string, content: string): string {
    const p = path.join(this.root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  }

  /** Copies a sample into the workspace; returns its path. */
  copySample(name: string, rel = name): string {
    return this.write(rel, fs.readFileSync(path.join(SAMPLES, name), 'utf8'));
  }

  path(rel: string): string {
    return path.join(this.root, rel);
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.root, rel), 'utf8');
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** The text of a sample. */
export function sampleText(name: string): string {
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}
