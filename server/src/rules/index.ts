// Every rule, in id order. Adding a rule: its file, one line here, a fixture folder, the README table (a test checks they agree).
import type { Rule } from '../lint/rule.js';
import { rule as PL001 } from './PL001-lead-unit-missing.js';
import { rule as PL002 } from './PL002-deadline-missing.js';
import { rule as PL003 } from './PL003-number-missing.js';
import { rule as PL004 } from './PL004-number-sequence.js';
import { rule as PL005 } from './PL005-number-style.js';
import { rule as PL006 } from './PL006-level-order.js';
import { rule as PL007 } from './PL007-unit-inconsistent.js';
import { rule as PL008 } from './PL008-unit-unknown.js';
import { rule as PL009 } from './PL009-deadline-invalid.js';
import { rule as PL010 } from './PL010-attribution-malformed.js';
import { rule as PL011 } from './PL011-table-body-mismatch.js';
import { rule as PL012 } from './PL012-lead-multiple.js';

export const allRules: readonly Rule[] = [PL001, PL002, PL003, PL004, PL005, PL006, PL007, PL008, PL009, PL010, PL011, PL012];
