// Diagnostics (push): a tiny debounce coalesces bursts; the newest version is always the one published; none before the client's settings.
import * as path from 'node:path';
import { MessageType } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../convert.js';
import { guarded } from '../guard.js';
import { uriToPath } from '../settings.js';
import type { ServerState } from '../state.js';

/**
 * How long the first diagnostics wait for the client's answer to `workspace/configuration` before
 * they are published under the settings the server has (a client that never answers still gets them).
 */
export const SETTINGS_TIMEOUT_MS = 2000;

/** Schedules, publishes and clears the diagnostics of the open documents. */
export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The version last published per document. */
  private readonly published = new Map<string, number>();
  /** Whether the user has been told that a document is too large to analyse (once, until the limit changes). */
  private saidTooLarge = false;
  /**
   * True from `initialize` until the first answer to `workspace/configuration` (or its failure, or
   * `SETTINGS_TIMEOUT_MS`), for clients that have it: no diagnostics are published meanwhile, so
   * that the first publish of a document is already under the client's locale and rule settings.
   */
  private settingsPending = false;
  private settingsTimer: NodeJS.Timeout | undefined;
  /** Documents whose publish waits for the settings. */
  private readonly waitingForSettings = new Set<string>();

  constructor(private readonly state: ServerState) {}

  /**
   * Lints `uri` after a pause in its changes. The pause is a few milliseconds; for a document whose
   * analysis is slow (a 1 MB plan: hundreds of ms) it grows to an eighth of that, at most 50 ms,
   * so that the edits that queued up during one analysis are all taken in before the next starts
   * (otherwise the server falls further behind with every keystroke). The connection hands queued
   * messages over one per turn of the event loop, and a turn that writes a large publish or collects
   * garbage can outlast 2 ms: the timer then fires between two queued edits. Measured on the 1 MB
   * plan (bench/lsp-latency.ts, medians of 3–7 alternated runs on 2 busy cores): a flat 2 ms doubles
   * the paced p50 (~200 → ~460 ms) and gains sequential edits nothing (p50 ~93 vs ~97 ms, noise);
   * a quarter makes sequential edits slower (p50 ~140 ms) and paced ones no faster.
   */
  schedule(uri: string): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    const slow = this.state.analyses.latest(uri)?.ms ?? 0;
    const delay = Math.max(this.state.debounceMs, Math.min(50, Math.round(slow / 8)));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        guarded(this.state.log, 'diagnostics', () => this.publish(uri));
      }, delay),
    );
  }

  /** Publishes scheduled, and the wait for the settings (part of `planlint/stats`' `pending`). */
  get pending(): number {
    return this.timers.size + (this.settingsPending ? 1 : 0);
  }

  /** Every open document again (the configuration or the settings changed). */
  relintAll(): void {
    for (const doc of this.state.documents.all()) this.schedule(doc.uri);
  }

  /** A document was opened (or reopened): whatever was published for it before no longer counts. */
  opened(uri: string): void {
    this.published.delete(uri);
    this.schedule(uri);
  }

  /** A document was closed: nothing more is published for it, and what was is cleared. */
  closed(uri: string): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.delete(uri);
    this.waitingForSettings.delete(uri);
    if (this.published.delete(uri)) void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The limit on document size changed: a document over the new one is named again. */
  limitChanged(): void {
    this.saidTooLarge = false;
  }

  /** Holds every publish until `settingsArrived`, or `SETTINGS_TIMEOUT_MS` at most. */
  waitForSettings(): void {
    this.settingsPending = true;
    this.settingsTimer = setTimeout(() => {
      if (this.settingsPending) this.state.log(`planlint: no answer to workspace/configuration in ${SETTINGS_TIMEOUT_MS} ms; linting under the settings so far`);
      this.settingsArrived();
    }, SETTINGS_TIMEOUT_MS);
  }

  /** The client's settings are in (or will not come): the documents that waited are linted. */
  settingsArrived(): void {
    if (!this.settingsPending) return;
    this.settingsPending = false;
    clearTimeout(this.settingsTimer);
    for (const uri of this.waitingForSettings) if (this.state.documents.get(uri)) this.schedule(uri);
    this.waitingForSettings.clear();
  }

  /** Shutdown: no timer fires any more. */
  dispose(): void {
    clearTimeout(this.settingsTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private publish(uri: string): void {
    const state = this.state;
    if (state.shuttingDown) return;
    // Until the client's settings are in, a publish would show the defaults and then change.
    if (this.settingsPending) {
      this.waitingForSettings.add(uri);
      return;
    }
    const doc = state.documents.get(uri);
    // Not a plan (a config file a client sent along): its diagnostics, if any, are the config report's.
    if (!doc || !state.isPlanDocument(doc)) return;
    if (!state.isLintable(doc)) {
      this.sayTooLarge(doc);
      // Whatever was published for a smaller version no longer holds.
      if (this.published.delete(uri)) void state.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    const entry = state.analyses.current(doc);
    const version = entry.version;
    const found = entry.analysis.diagnostics;
    // In a Word document's text view, each message also names its paragraph (第 N 段) or table cell.
    const diagnostics = state.docxTexts.decorate(uri, doc.getText(), found.map((d) => toDiagnostic(d, entry.version)), (_, i) => found[i]!.span.start, entry.config.locale);
    // Analysis is synchronous, so this is the current version; the check guards any future change.
    // Only the version's identity counts, not its size: a client may number versions backwards (one
    // that restarted its count), and the newest text must still get its diagnostics.
    if (state.documents.get(uri)?.version !== version) return;
    this.published.set(uri, version);
    void state.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Tells the user, once, that a document is over `planlint.maxDocumentChars` and so not analysed. */
  private sayTooLarge(doc: TextDocument): void {
    if (this.saidTooLarge) return;
    this.saidTooLarge = true;
    const limit = this.state.limits.maxDocumentChars;
    const name = path.basename(uriToPath(doc.uri) ?? doc.uri);
    const chars = doc.getText().length;
    const message =
      this.state.locale() === 'en'
        ? `planlint: ${name} is too large to check (${chars} characters, limit ${limit}); raise the setting planlint.maxDocumentChars to check it`
        : `planlint：${name} 过大（${chars} 个字符，上限 ${limit}），未作检查；可在设置 planlint.maxDocumentChars 中调高上限`;
    this.state.say(MessageType.Warning, message);
    this.state.log(message);
  }
}
