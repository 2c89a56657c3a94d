/**
 * Which kind of entity a CSV describes, from its recognised columns: a company / organisation / site-name column
 * and no person-name or birth-date column → organisations; anything else → people. `--entity` overrides.
 *
 * @example
 * detectEntity([{ column: 'Site name', attribute: 'company' }, { column: 'Phone', attribute: 'phone' }]);
 * // { entity: 'organization', reason: 'organisation name column "Site name" and no person-name column' }
 */
import { ConcordError } from '../../core/errors.js';
import type { Attribute } from './columns.js';

export const ENTITY_KINDS = ['person', 'organization'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityChoice {
  readonly entity: EntityKind;
  /** Why, in words, for the summary. */
  readonly reason: string;
}

const PERSON_ATTRIBUTES: readonly Attribute[] = ['first_name', 'middle_name', 'last_name', 'full_name', 'dob'];

/**
 * @example
 * detectEntity([{ column: 'surname', attribute: 'last_name' }]).entity; // 'person'
 */
export function detectEntity(columns: readonly { readonly column: string; readonly attribute: Attribute }[]): EntityChoice {
  const company = columns.find((c) => c.attribute === 'company');
  const person = columns.filter((c) => PERSON_ATTRIBUTES.includes(c.attribute));
  if (company !== undefined && person.length === 0) {
    return { entity: 'organization', reason: `organisation name column "${company.column}" and no person-name column` };
  }
  if (person.length > 0) return { entity: 'person', reason: `person column${person.length > 1 ? 's' : ''} ${person.map((c) => `"${c.column}"`).join(', ')}` };
  return { entity: 'person', reason: 'no organisation name column' };
}

/**
 * Parses `--entity`.
 *
 * @example
 * parseEntity('organisation'); // 'organization'
 */
export function parseEntity(text: string): EntityKind {
  const value = text.trim().toLowerCase();
  if (value === 'person' || value === 'people') return 'person';
  if (value === 'organization' || value === 'organisation' || value === 'org') return 'organization';
  throw new ConcordError('ENTITY_INVALID', `--entity must be person or organization, got ${text}`, { kind: 'usage', hint: 'e.g. --entity organization' });
}
