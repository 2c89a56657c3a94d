/**
 * Every shipped Salesforce mapping, one file per object (crosswalk §1–§10).
 *
 * @example
 * SALESFORCE_MAPPINGS.map((m) => m.stream); // ['Account', 'Contact', …]
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { salesforceContact } from './contact.js';

export { salesforceContact };

export const SALESFORCE_MAPPINGS: readonly StreamMapping[] = [salesforceContact];
