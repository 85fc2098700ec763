// The editor's language detection (client/src/detect.ts) against a small stand-in for the VS Code API.
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { registerPlanDetection, type DetectApi } from '../../client/src/detect.js';

const PLAN = '江宁市2025年法治政府建设工作方案\n\n一、重点任务\n（一）完善制度。牵头单位：市司法局；完成时限：2025年6月底前。\n';
const NOTES = '会议记录\n\n今天讨论了下一步安排。\n';

type Listener<T> = (e: T) => void;

/** A document of the stand-in: text, language, uri; `positionAt` as VS Code counts (line, character). */
class FakeDocument {
  isClosed = false;
  constructor(
    public text: string,
    public languageId: string,
    readonly path: string,
    readonly scheme = 'file',
  ) {}
  get uri() {
    return { scheme: this.scheme, fsPath: this.path, toString: () => `${this.scheme}://${this.path}` };
  }
  positionAt(offset: number) {
    const before = this.text.slice(0, Math.min(offset, this.text.length)).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
  }
  getText(range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    if (!range) return this.text;
    const lines = this.text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return this.text.slice(offset(range.start), offset(range.end));
  }
}

/** The stand-in: events fired by hand, `setTextDocumentLanguage` recorded and applied as VS Code does (close + open). */
function fakeApi(documents: FakeDocument[], associations: Record<string, string> = {}) {
  const opened: Listener<FakeDocument>[] = [];
  const changed: Listener<{ document: FakeDocument }>[] = [];
  const set: string[] = [];
  const on =
    <T>(list: Listener<T>[]) =>
    (l: Listener<T>) => {
      list.push(l);
      return { dispose: () => list.splice(list.indexOf(l), 1) };
    };
  const api = {
    workspace: {
      onDidOpenTextDocument: on(opened),
      onDidChangeTextDocument: on(changed),
      textDocuments: documents,
      getConfiguration: () => ({ get: () => associations }),
    },
    languages: {
      match: (selector: { pattern: string }, doc: FakeDocument) => {
        // Enough of a glob for the tests: `**/NAME` and `**/*.EXT`.
        const name = selector.pattern.replace(/^\*\*\//, '');
        const re = new RegExp('(^|/)' + name.replace(/\./g, '\\.').replace(/\*/g, '[^/]*') + '$');
        return re.test(doc.path) ? 10 : 0;
      },
      setTextDocumentLanguage: async (doc: FakeDocument, language: string) => {
        set.push(`${doc.path}:${language}`);
        doc.languageId = language;
        opened.forEach((l) => l(doc));
        return doc;
      },
    },
    Range: class {
      start: { line: number; character: number };
      end: { line: number; character: number };
      constructor(sl: number, sc: number, el: number, ec: number) {
        this.start = { line: sl, character: sc };
        this.end = { line: el, character: ec };
      }
    },
  };
  return {
    api: api as unknown as DetectApi,
    set,
    open: (doc: FakeDocument) => opened.forEach((l) => l(doc)),
    change: (doc: FakeDocument) => changed.forEach((l) => l({ document: doc })),
  };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('client: language detection of plain-text documents', () => {
  it('an open plain-text document whose text reads as a plan becomes a plan; others stay plain text', async () => {
    const plan = new FakeDocument(PLAN, 'plaintext', '/w/a.txt');
    const notes = new FakeDocument(NOTES, 'plaintext', '/w/notes.txt');
    const markdown = new FakeDocument(PLAN, 'markdown', '/w/b.md');
    const fake = fakeApi([plan, notes, markdown]);
    const detection = registerPlanDetection(fake.api);
    await tick();
    assert.deepEqual(fake.set, ['/w/a.txt:plan']);
    const opened = new FakeDocument(PLAN, 'plaintext', '/w/c.txt');
    fake.open(opened);
    await tick();
    assert.deepEqual(fake.set, ['/w/a.txt:plan', '/w/c.txt:plan']);
    detection.dispose();
  });

  it('a new document becomes a plan once its text reads as one (after typing stops)', async () => {
    const doc = new FakeDocument('', 'plaintext', 'Untitled-1', 'untitled');
    const fake = fakeApi([doc]);
    const detection = registerPlanDetection(fake.api);
    doc.text = NOTES;
    fake.change(doc);
    await tick(600);
    assert.deepEqual(fake.set, []);
    doc.text = PLAN;
    fake.change(doc);
    await tick(600);
    assert.deepEqual(fake.set, ['Untitled-1:plan']);
    detection.dispose();
  });

  it('files.associations wins, and a document set back to plain text stays so', async () => {
    const associated = new FakeDocument(PLAN, 'plaintext', '/w/minutes.txt');
    const fake = fakeApi([associated], { '*.txt': 'plaintext' });
    const detection = registerPlanDetection(fake.api);
    await tick();
    assert.deepEqual(fake.set, [], 'files.associations names *.txt');

    const free = fakeApi([new FakeDocument(PLAN, 'plaintext', '/w/a.txt')]);
    const second = registerPlanDetection(free.api);
    await tick();
    assert.deepEqual(free.set, ['/w/a.txt:plan']);
    // The user sets it back to plain text: VS Code opens it again as plain text; it is left alone, even as it changes.
    const back = free.api.workspace.textDocuments[0] as unknown as FakeDocument;
    back.languageId = 'plaintext';
    free.open(back);
    free.change(back);
    await tick(600);
    assert.deepEqual(free.set, ['/w/a.txt:plan']);
    detection.dispose();
    second.dispose();
  });
});

// Keeps the type import honest: the stand-in's shape is what detect.ts asks of the real API.
export type Checked = DetectApi['workspace'] extends Pick<typeof vscode.workspace, 'textDocuments'> ? true : never;
