// The rule ids and names that configuration may name; the rule engine checks its rules against this list.

/**
 * Every rule as `[id, name]`, in id order. The config schema (`schema.json`) lists the same keys;
 * a test keeps the two in step, and the rule engine checks its own rules against this list.
 */
export const RULE_NAMES: ReadonlyArray<readonly [id: string, name: string]> = [
  ['PL001', 'lead-unit-missing'],
  ['PL002', 'deadline-missing'],
  ['PL003', 'number-missing'],
  ['PL004', 'number-sequence'],
  ['PL005', 'number-style'],
  ['PL006', 'level-order'],
  ['PL007', 'unit-inconsistent'],
  ['PL008', 'unit-unknown'],
  ['PL009', 'deadline-invalid'],
  ['PL010', 'attribution-malformed'],
  ['PL011', 'table-body-mismatch'],
  ['PL012', 'lead-multiple'],
];

/** Maps every accepted rule key to its id: `'PL002' → 'PL002'` and `'deadline-missing' → 'PL002'`. */
export const RULE_KEY_TO_ID: ReadonlyMap<string, string> = new Map(
  RULE_NAMES.flatMap(([id, name]) => [
    [id, id],
    [name, id],
  ]),
);
