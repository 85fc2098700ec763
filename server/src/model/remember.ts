// One function's results kept by argument: for reads that a document asks for again and again.

/** What `remembered` keeps its results in: a `Map` (by value). */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** `read`, computed once per argument and kept in `store` (a result is never `undefined`). */
export function remembered<K, V>(read: (key: K) => V, store: Store<K, V>): (key: K) => V {
  return (key) => {
    let value = store.get(key);
    if (value === undefined) {
      value = read(key);
      store.set(key, value);
    }
    return value;
  };
}

/** The slot on a document that holds what `perDocument` readers found for it. */
const MEMO = Symbol('perDocument');

type WithMemo = { [MEMO]?: Map<unknown, unknown> };

/**
 * Gives a document, as it is made, the slot that `perDocument` fills: every document then has one shape, whichever
 * readers asked. The slot is not enumerable: JSON, spreads and deep comparisons do not see it.
 */
export function withMemoSlot<D extends object>(doc: D): D {
  Object.defineProperty(doc, MEMO, { value: undefined, writable: true, enumerable: false });
  return doc;
}

/**
 * `read`, computed once per document and kept on the document itself, so that it lives exactly as long as the document
 * (a result is never `undefined`). Not in a `WeakMap` keyed by the document: V8's young-generation collector holds a
 * weak map's values strongly, so a value that reaches the document's model (a plan's numbering runs reach its whole
 * outline) made every minor collection copy that model and then promote it, long after the document was dropped (1,000
 * small plans in one process: 35 MB promoted and 104-127 ms of collector pauses, against 12-13 MB and 46-53 ms).
 */
export function perDocument<D extends object, V>(read: (doc: D) => V): (doc: D) => V {
  return (doc) => {
    const holder = doc as D & WithMemo;
    let memo = holder[MEMO];
    if (memo === undefined) {
      if (Object.prototype.hasOwnProperty.call(holder, MEMO)) holder[MEMO] = memo = new Map();
      // A document made without the slot (a copy by spread) gets it now; a frozen one is read afresh each time.
      else if (Object.isExtensible(holder)) Object.defineProperty(holder, MEMO, { value: (memo = new Map()), writable: true, enumerable: false });
      else return read(doc);
    }
    let value = memo.get(read) as V | undefined;
    if (value === undefined) {
      value = read(doc);
      memo.set(read, value);
    }
    return value;
  };
}
