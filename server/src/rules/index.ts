// Every rule, in id order. Adding a rule: its file, one line here, a fixture folder, the README table (a test checks they agree).
import type { Rule } from '../lint/rule.js';
import { rule as PL001 } from './PL001-lead-unit-missing.js';
import { rule as PL002 } from './PL002-deadline-missing.js';
import { rule as PL003 } from './PL003-number-missing.js';

export const allRules: readonly Rule[] = [PL001, PL002, PL003];
