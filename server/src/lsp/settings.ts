// Configuration for each document: the config file nearest to it (per workspace folder) over the client's `planlint.*` settings, and the display locale.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, validateConfig, type ConfigProblem, type PlanlintConfig, type ResolvedConfig } from '../config/config.js';
import { CONFIG_FILE_NAMES, ConfigCache } from '../config/load.js';
import type { Locale } from '../lint/types.js';
import { docxPathOf } from './docx.js';

/** The `planlint.locale` setting. */
export type LocaleSetting = 'auto' | 'zh-CN' | 'en';

/** `auto`: English when the client's locale (`initializeParams.locale`) starts with `en`, else Chinese. */
export function clientLocale(locale: unknown): Locale {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** The file path of a `file:` URI, or null (untitled documents, other schemes, malformed URIs). */
export function uriToPath(uri: unknown): string | null {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The settings that are configuration (the rest, like `planlint.trace.server`, belong to the client). */
const CONFIG_KEYS = ['rules', 'units', 'nonTaskSections', 'extraNonTaskSections', 'deadline', 'period', 'files'] as const;

/**
 * Reads the client's `planlint` settings section: the configuration layer it holds (unset and null
 * values dropped), the locale setting, and what is wrong with it (the valid parts still apply).
 */
export function readSettings(raw: unknown): { layer: PlanlintConfig; locale: LocaleSetting; problems: ConfigProblem[] } {
  const layer: Record<string, unknown> = {};
  let locale: LocaleSetting = 'auto';
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const obj = raw as Record<string, unknown>;
    for (const key of CONFIG_KEYS) {
      const v = key === 'period' ? periodSetting(obj[key]) : obj[key];
      if (v === null || v === undefined) continue;
      // VS Code sends an empty object or list for a setting left at its default.
      if (typeof v === 'object' && Object.keys(v as object).length === 0) continue;
      layer[key] = v;
    }
    if (obj.locale === 'zh-CN' || obj.locale === 'en') locale = obj.locale;
  }
  const { problems } = Object.keys(layer).length > 0 ? validateConfig(layer, 'settings') : { problems: [] };
  return { layer: layer as PlanlintConfig, locale, problems };
}

/**
 * The Settings UI's `planlint.period.start` / `.end` (each a year or null) as configuration: both years → the
 * period, one → that year, none → unset. A year or a `{ start, end }` written by hand passes as it is.
 */
function periodSetting(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const { start, end, ...rest } = v as { start?: unknown; end?: unknown };
  if (Object.keys(rest).length > 0) return v;
  const has = (x: unknown) => x !== null && x !== undefined;
  if (has(start) && has(end)) return { start, end };
  if (has(start)) return start;
  if (has(end)) return end;
  return undefined;
}

function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The configuration of each document. One `ConfigCache` per workspace folder (config files are
 * looked for up to the folder) and one for files outside every folder; the client's settings are a
 * layer under the config file. `generation` changes whenever any configuration may have changed.
 */
export class PlanConfigs {
  private folders: string[] = [];
  private caches = new Map<string, ConfigCache>();
  private outside!: ConfigCache;
  private base: PlanlintConfig[] = [];
  private localeSetting: LocaleSetting = 'auto';
  private gen = 0;
  private readonly sources = new Set<string>();
  private localized = new WeakMap<ResolvedConfig, ResolvedConfig>();
  private untitled: ResolvedConfig | null = null;

  constructor(
    private readonly autoLocale: Locale,
    private readonly onProblems: (problems: ConfigProblem[]) => void,
  ) {
    this.rebuild();
  }

  get generation(): number {
    return this.gen;
  }

  /** The locale of the server's own messages: the setting, else the client's. */
  get locale(): Locale {
    return this.localeSetting === 'auto' ? this.autoLocale : this.localeSetting;
  }

  /** Workspace folder paths (deepest match wins). */
  setFolders(folders: readonly string[]): void {
    this.folders = [...new Set(folders.map((f) => path.resolve(f)))].sort((a, b) => b.length - a.length);
    this.rebuild();
  }

  getFolders(): readonly string[] {
    return this.folders;
  }

  /** Applies the client's `planlint` settings; returns what is wrong with them. */
  setSettings(raw: unknown): ConfigProblem[] {
    const { layer, locale, problems } = readSettings(raw);
    this.base = Object.keys(layer).length > 0 ? [layer] : [];
    this.localeSetting = locale;
    this.rebuild();
    return problems;
  }

  /** The settings layer, for the workspace scan (which parses under the same options). */
  baseLayers(): PlanlintConfig[] {
    return this.base;
  }

  /** The configuration for a document; reports the problems of the config file it comes from. */
  forUri(uri: string): ResolvedConfig {
    // A Word document's text view (`planlint-docx:`) takes the configuration of the .docx beside it.
    const file = uriToPath(uri) ?? docxPathOf(uri);
    let config: ResolvedConfig;
    if (file === null) {
      config = this.untitled ??= resolveConfig(this.base, { locale: this.autoLocale });
    } else {
      const folder = this.folders.find((f) => isInside(f, file));
      const cache = (folder !== undefined ? this.caches.get(folder) : undefined) ?? this.outside;
      const found = cache.forFile(file);
      if (found.problems.length > 0) this.onProblems(found.problems);
      for (const s of found.config.sources) this.sources.add(path.resolve(s));
      config = found.config;
    }
    return this.withLocale(config);
  }

  /** Whether a changed file may change some configuration: a config file name, or a file a config was read from. */
  isConfigSource(file: string): boolean {
    return CONFIG_FILE_NAMES.includes(path.basename(file)) || this.sources.has(path.resolve(file));
  }

  /** Forgets what depends on `file` (or everything). */
  invalidate(file?: string): void {
    for (const cache of [...this.caches.values(), this.outside]) cache.invalidate(file);
    this.untitled = null;
    this.localized = new WeakMap();
    this.gen++;
  }

  private withLocale(config: ResolvedConfig): ResolvedConfig {
    if (this.localeSetting === 'auto' || config.locale === this.localeSetting) return config;
    let out = this.localized.get(config);
    if (!out) {
      out = { ...config, locale: this.localeSetting };
      this.localized.set(config, out);
    }
    return out;
  }

  private rebuild(): void {
    const defaults = { locale: this.autoLocale };
    this.caches = new Map(this.folders.map((f) => [f, new ConfigCache({ stopAt: f, base: this.base, defaults })]));
    this.outside = new ConfigCache({ base: this.base, defaults });
    this.untitled = null;
    this.localized = new WeakMap();
    this.gen++;
  }
}
