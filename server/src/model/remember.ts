// One function's results kept by argument: for reads that a document asks for again and again.

/** What `remembered` keeps its results in: a `Map` (by value), or a `WeakMap` (kept as long as the key is). */
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
