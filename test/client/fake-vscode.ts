// A small fake of the `vscode` module, enough for planlint's client: it records what the client registers and shows
// (commands, status bar items, tree views, webviews, messages) and lets a test drive settings, editors and events.
import { join } from 'node:path';

type Listener<T> = (value: T) => unknown;

/** vscode.Disposable. */
export class Disposable {
  constructor(private readonly onDispose: () => void = () => {}) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

/** vscode.EventEmitter: listeners run synchronously, in order. */
export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** vscode.Uri, for the `file:` and `untitled:` URIs the tests use. */
export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static parse(value: string): Uri {
    const colon = value.indexOf(':');
    return new Uri(value.slice(0, colon), decodeURIComponent(value.slice(colon + 1).replace(/^\/\//, '')));
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  constructor(readonly start: Position, readonly end: Position) {}
}
export class Selection extends Range {
  constructor(readonly anchor: Position, readonly active: Position) {
    super(anchor, active);
  }
}
export class ThemeIcon {
  constructor(readonly id: string) {}
}
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class TreeItem {
  description?: string;
  tooltip?: string;
  iconPath?: ThemeIcon;
  contextValue?: string;
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(readonly label: string, readonly collapsibleState: number = 0) {}
}

/** A status bar item as the client leaves it. */
export interface FakeStatusBarItem {
  id: string;
  name?: string;
  text: string;
  tooltip?: string;
  command?: string;
  visible: boolean;
  disposed: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

/** A tree view: its provider, badge and message. */
export interface FakeTreeView {
  id: string;
  provider: { getChildren(node?: unknown): unknown[]; getTreeItem(node: unknown): TreeItem; onDidChangeTreeData?: unknown };
  badge?: { value: number; tooltip: string };
  message?: string;
  disposed: boolean;
}

/** A webview panel: its title and the messages posted to it. */
export interface FakePanel {
  viewType: string;
  title: string;
  posted: unknown[];
  html: string;
}

/** A text editor on a fake document. */
export interface FakeEditor {
  document: { uri: Uri; languageId: string };
  selection: Selection;
  viewColumn?: number;
}

export interface FakeOptions {
  /** vscode.env.language; VS Code's default is `en`. */
  language?: string;
  /** `planlint.*` settings (without the prefix); none by default. */
  settings?: Record<string, unknown>;
}

/** Creates a fresh fake: `api` is what `require('vscode')` returns, the rest is for the test. */
export function createFakeVscode(options: FakeOptions = {}) {
  const settings: Record<string, unknown> = { ...(options.settings ?? {}) };
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const executed: { command: string; args: unknown[] }[] = [];
  const messages: { level: 'info' | 'error'; text: string }[] = [];
  const statusBarItems: FakeStatusBarItem[] = [];
  const treeViews = new Map<string, FakeTreeView>();
  const panels: FakePanel[] = [];
  const activeEditorChanged = new EventEmitter<FakeEditor | undefined>();
  const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const diagnosticsChanged = new EventEmitter<unknown>();
  const never = () => new Disposable();
  const state = {
    activeTextEditor: undefined as FakeEditor | undefined,
    visibleTextEditors: [] as FakeEditor[],
  };

  const window = {
    get activeTextEditor() {
      return state.activeTextEditor;
    },
    get visibleTextEditors() {
      return state.visibleTextEditors;
    },
    onDidChangeActiveTextEditor: activeEditorChanged.event,
    createStatusBarItem(id: string): FakeStatusBarItem {
      const item: FakeStatusBarItem = {
        id,
        text: '',
        visible: false,
        disposed: false,
        show: () => void (item.visible = true),
        hide: () => void (item.visible = false),
        dispose: () => void (item.disposed = true),
      };
      statusBarItems.push(item);
      return item;
    },
    createTreeView(id: string, opts: { treeDataProvider: FakeTreeView['provider'] }) {
      if (treeViews.has(id)) throw new Error(`a tree view ${id} exists already`);
      const view: FakeTreeView & { dispose(): void } = { id, provider: opts.treeDataProvider, disposed: false, dispose: () => void (view.disposed = true) };
      treeViews.set(id, view);
      return view;
    },
    registerTreeDataProvider(id: string, provider: FakeTreeView['provider']) {
      return window.createTreeView(id, { treeDataProvider: provider });
    },
    createWebviewPanel(viewType: string, title: string) {
      const disposed = new EventEmitter<void>();
      const panel: FakePanel = { viewType, title, posted: [], html: '' };
      panels.push(panel);
      const webview = {
        cspSource: 'vscode-resource:',
        get html() {
          return panel.html;
        },
        set html(value: string) {
          panel.html = value;
        },
        asWebviewUri: (uri: Uri) => uri,
        onDidReceiveMessage: never,
        postMessage: async (message: unknown) => {
          panel.posted.push(message);
          return true;
        },
      };
      return {
        webview,
        get title() {
          return panel.title;
        },
        set title(value: string) {
          panel.title = value;
        },
        reveal: () => {},
        onDidDispose: disposed.event,
        dispose: () => disposed.fire(),
      };
    },
    async showInformationMessage(text: string) {
      messages.push({ level: 'info', text });
      return undefined;
    },
    async showErrorMessage(text: string) {
      messages.push({ level: 'error', text });
      return undefined;
    },
    async showTextDocument(document: FakeEditor['document'], opts?: { viewColumn?: number }) {
      const editor: FakeEditor = { document, selection: new Selection(new Position(0, 0), new Position(0, 0)), viewColumn: opts?.viewColumn };
      state.activeTextEditor = editor;
      state.visibleTextEditors = [editor];
      return Object.assign(editor, { revealRange: () => {} });
    },
    async showQuickPick() {
      return undefined;
    },
    async showSaveDialog() {
      return undefined;
    },
    async showOpenDialog() {
      return undefined;
    },
    registerCustomEditorProvider: () => new Disposable(),
  };

  const workspace = {
    getConfiguration(section?: string) {
      return {
        get<T>(key: string, defaultValue?: T): T | undefined {
          const full = section ? `${section}.${key}` : key;
          const name = full.startsWith('planlint.') ? full.slice('planlint.'.length) : full;
          return name in settings ? (settings[name] as T) : defaultValue;
        },
      };
    },
    onDidChangeConfiguration: configurationChanged.event,
    onDidChangeTextDocument: never,
    onDidOpenTextDocument: never,
    textDocuments: [] as FakeEditor['document'][],
    createFileSystemWatcher: () => Object.assign(new Disposable(), { onDidCreate: never, onDidChange: never, onDidDelete: never }),
    registerTextDocumentContentProvider: () => new Disposable(),
    async openTextDocument(uri: Uri) {
      return { uri, languageId: uri.path.endsWith('.plan') ? 'plan' : 'plaintext' };
    },
    fs: { writeFile: async () => {} },
  };

  const api = {
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Selection,
    ThemeIcon,
    ThemeColor,
    TreeItem,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    env: { language: options.language ?? 'en' },
    window,
    workspace,
    languages: {
      onDidChangeDiagnostics: diagnosticsChanged.event,
      match: () => 0,
      setTextDocumentLanguage: async () => undefined,
    },
    commands: {
      registerCommand(command: string, callback: (...args: unknown[]) => unknown) {
        if (commands.has(command)) throw new Error(`command '${command}' already exists`);
        commands.set(command, callback);
        return new Disposable(() => commands.delete(command));
      },
      async executeCommand(command: string, ...args: unknown[]) {
        executed.push({ command, args });
        const callback = commands.get(command);
        if (callback) return callback(...args);
        // Commands of VS Code itself and of the language server (registered by the real language client).
        if (command === 'setContext' || command.startsWith('planlint.server.')) return undefined;
        throw new Error(`command '${command}' not found`);
      },
    },
  };

  return {
    api,
    settings,
    commands,
    executed,
    messages,
    statusBarItems,
    treeViews,
    panels,
    /** Makes `editor` the active one and tells the client, as VS Code does when a tab is picked. */
    setActiveEditor(editor: FakeEditor | undefined): void {
      state.activeTextEditor = editor;
      state.visibleTextEditors = editor ? [editor] : [];
      activeEditorChanged.fire(editor);
    },
    /** Changes a `planlint.*` setting and fires onDidChangeConfiguration. */
    setSetting(name: string, value: unknown): void {
      if (value === undefined) delete settings[name];
      else settings[name] = value;
      configurationChanged.fire({ affectsConfiguration: (section: string) => `planlint.${name}`.startsWith(section) || section === 'planlint' });
    },
    /** An editor on a plan at `path`. */
    planEditor(path = '/ws/demo.plan', line = 0, character = 0): FakeEditor {
      const at = new Position(line, character);
      return { document: { uri: Uri.file(path), languageId: 'plan' }, selection: new Selection(at, at) };
    },
  };
}

/** What createFakeVscode returns. */
export type FakeVscode = ReturnType<typeof createFakeVscode>;
