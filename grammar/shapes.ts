// One live instance of each class the analysis makes afresh for every document, so that the class keeps its hidden
// class between documents.
//
// V8 reaches the hidden class that a class's fields give its instances only through those instances (the transition
// from the constructor's first hidden class is weak). A full collection that finds no instance alive, as happens
// between two documents (an editor idle between edits, a run that collects before each file), frees that hidden class,
// and with it every optimized function compiled against it: the next document runs them unoptimized until the compiler
// has seen them again. An instance kept for the life of the process keeps the hidden class and the code.

const kept: object[] = [];

/** Keeps `specimen` alive for the life of the process and returns it. Made once per class, at load. */
export function keepShape<T extends object>(specimen: T): T {
  kept.push(specimen);
  return specimen;
}
