// Open documents (incremental sync, checked input) and one cached analysis per document version and configuration.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { ResolvedConfig } from '../config/config.js';
import type { PlanDocument, Range, Task } from '../model/types.js';
import { contains, planKey, type Analysis, type IndexedPlan, type IndexedTask, type PlanLanguageService } from '../service.js';
import { isRange } from './convert.js';

/** The open documents, by URI, updated from `didOpen` / `didChange` / `didClose`. */
export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();
  private readonly byKey = new Map<string, string>();

  /** Opens (or reopens) a document; malformed fields are tolerated (text not a string reads as empty). */
  open(uri: string, languageId: unknown, version: unknown, text: unknown): TextDocument {
    const doc = TextDocument.create(uri, typeof languageId === 'string' ? languageId : 'plaintext', Number.isInteger(version) ? (version as number) : 0, typeof text === 'string' ? text : '');
    this.docs.set(uri, doc);
    this.byKey.set(planKey(uri), uri);
    return doc;
  }

  /**
   * Applies content changes (full or ranged). Changes that are not well formed are skipped; a
   * version that is not an integer becomes the previous one plus one. Returns the updated document,
   * or null when the URI is not open.
   */
  change(uri: string, version: unknown, changes: unknown): TextDocument | null {
    const doc = this.docs.get(uri);
    if (!doc) return null;
    const list = Array.isArray(changes) ? changes : [];
    const valid: TextDocumentContentChangeEvent[] = [];
    for (const c of list) {
      if (!c || typeof c !== 'object' || typeof (c as { text?: unknown }).text !== 'string') continue;
      const change = c as { text: string; range?: unknown };
      if (change.range === undefined) valid.push({ text: change.text });
      else if (isRange(change.range)) valid.push({ range: change.range, text: change.text });
    }
    const next = Number.isInteger(version) ? (version as number) : doc.version + 1;
    const updated = valid.length > 0 ? TextDocument.update(doc, valid, next) : doc;
    this.docs.set(uri, updated);
    return updated;
  }

  close(uri: string): boolean {
    this.byKey.delete(planKey(uri));
    return this.docs.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return typeof uri === 'string' ? this.docs.get(uri) : undefined;
  }

  /** The open document stored for a `planKey` (the same file under another URI spelling), if any. */
  byPlanKey(key: string): TextDocument | undefined {
    const uri = this.byKey.get(key);
    return uri === undefined ? undefined : this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  get size(): number {
    return this.docs.size;
  }
}

/** An analysis of one version of one document under one configuration. */
export interface CachedAnalysis {
  uri: string;
  version: number;
  /** The configuration generation it was made under (see `PlanConfigs.generation`). */
  generation: number;
  config: ResolvedConfig;
  analysis: Analysis;
  /** Time the analysis took, in milliseconds. */
  ms: number;
}

/** What the analysis cache needs from the rest of the server. */
export interface AnalysisHost {
  service: PlanLanguageService;
  configFor(uri: string): ResolvedConfig;
  generation(): number;
  /** Called after each fresh analysis (the workspace index takes the document's units here). */
  analyzed?(entry: CachedAnalysis): void;
}

/**
 * One analysis per document version: every request on that version (diagnostics, symbols, hover,
 * code actions…) reuses it. `latest` answers from the newest analysis even when the document has
 * moved on, for requests that must not wait (completion).
 */
export class AnalysisCache {
  private readonly cache = new Map<string, CachedAnalysis>();
  /** Analyses made, and their total time, for `planlint/stats`. */
  count = 0;
  totalMs = 0;
  lastMs = 0;

  constructor(private readonly host: AnalysisHost) {}

  /** The analysis of the document's current version, made now if needed. */
  current(doc: TextDocument): CachedAnalysis {
    const hit = this.cache.get(doc.uri);
    const generation = this.host.generation();
    if (hit && hit.version === doc.version && hit.generation === generation) return hit;
    const config = this.host.configFor(doc.uri);
    const t0 = performance.now();
    const analysis = this.host.service.analyze(doc.getText(), config);
    const ms = performance.now() - t0;
    const entry: CachedAnalysis = { uri: doc.uri, version: doc.version, generation, config, analysis, ms };
    this.cache.set(doc.uri, entry);
    this.count++;
    this.totalMs += ms;
    this.lastMs = ms;
    this.host.analyzed?.(entry);
    return entry;
  }

  /** The newest analysis of `uri`, whatever its version, or undefined. */
  latest(uri: string): CachedAnalysis | undefined {
    return this.cache.get(uri);
  }

  /** Whether the cached analysis is of the document's current version and configuration. */
  fresh(doc: TextDocument): boolean {
    const hit = this.cache.get(doc.uri);
    return !!hit && hit.version === doc.version && hit.generation === this.host.generation();
  }

  drop(uri: string): void {
    this.cache.delete(uri);
  }
}

/**
 * An open document's task in the workspace index. Its ranges are read from the model only when a
 * workspace symbol shows it (most are never shown, and the model computes a range when first read).
 */
class OpenTask implements IndexedTask {
  readonly number: string;
  readonly title: string;
  readonly lead: string[];
  readonly responsible: string[];
  readonly deadline: string | null;
  readonly #task: Task;

  constructor(task: Task) {
    this.#task = task;
    this.number = task.number;
    this.title = task.title;
    this.lead = task.lead.map((u) => u.name);
    this.responsible = task.responsible.map((u) => u.name);
    this.deadline = task.deadline ? task.deadline.text : null;
  }

  get range(): Range {
    return this.#task.range;
  }

  get selectionRange(): Range {
    const t = this.#task;
    return contains(t.range, t.titleRange) ? t.titleRange : t.range;
  }
}

/**
 * The workspace index entry of an open document, made from its analysis without copying it: the
 * mentions are the model's own unit mentions and no range is read (`indexPlan` copies every range,
 * which makes the model compute and keep one per mention: 2.5× the text on a 1 MB plan, and ~10 ms).
 * References of open documents are read from their analyses, never from the index, so these
 * ranges are only computed if something else asks. The entry holds the plan: replace it as soon as
 * the plan is replaced, or the index keeps an old version alive.
 */
export function openPlanEntry(uri: string, plan: PlanDocument): IndexedPlan {
  return { uri, title: plan.title, mentions: plan.units, tasks: plan.tasks.map((t) => new OpenTask(t)) };
}
