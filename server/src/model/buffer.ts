// A reusable list for the model's readers: filled, copied out at its exact size, and filled again.
import { keepShape } from '../../../grammar/shapes.js';

/**
 * A list that is filled, copied out at its exact size, and filled again, its backing store allocated once. An
 * array grown by `push` keeps room for 16 more elements (and `length = 0` drops its store), while the model
 * keeps its lists for the document's life: filling one of these and copying it out leaves no 16-slot array
 * behind as garbage for every list read. Readers that use one are never re-entered while it is in use.
 */
export class ListBuffer<T> {
  readonly items: T[] = [];
  length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  /** Drops what was pushed after the first `length` items (all of it by default), holding nothing of it. */
  clear(length = 0): void {
    // A loop, not `fill`: most lists hold one or two things, and this runs for every list read.
    const items = this.items;
    for (let k = length; k < this.length; k++) items[k] = undefined as T;
    this.length = length;
  }

  /** What is held, as an array of its exact size; the buffer is left empty (holding nothing of this text). */
  take(): T[] {
    if (this.length === 0) return [];
    const copy = this.items.slice(0, this.length);
    this.clear();
    return copy;
  }
}

keepShape(new ListBuffer<unknown>());

/** What a reader pushes what it finds into: an array, or a buffer. */
export interface Sink<T> {
  push(item: T): void;
  readonly length: number;
}
