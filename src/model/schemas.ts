/**
 * zod v4 schemas for every entity and profile, built from the entity table when this module loads (never written
 * by hand). They validate a record's `data`. `validateRecord` (validate.ts) gives the same verdicts faster and is
 * what the pipeline uses; these schemas are for callers that compose zod (config, API bodies) and for
 * `z.infer`-style typing.
 *
 * @example
 * entitySchema('Individual', 'strict').safeParse(data).success
 * const individual: Individual = { id, externalSourceId, externalRecordId, personName: 'Ada Lovelace' };
 */
import { z } from 'zod';
import { ConcordError } from '../core/errors.js';
import type { EntityDef, Profile, PropertyDef } from './define.js';
import { ENTITIES, getEntity, type EntityData, type EntityName } from './model.js';
import { DATE_PATTERN, DATETIME_PATTERN, DECIMAL_PATTERN, TIME_PATTERN } from './values.js';

const nonEmpty = z.string().min(1);
const decimal = z.union([z.number().finite(), z.string().regex(DECIMAL_PATTERN)]);

type Schemas = Readonly<Record<Profile, z.ZodType<Record<string, unknown>>>>;

const built = new Map<string, Schemas>();
for (const def of ENTITIES) built.set(def.name, { strict: buildSchema(def, 'strict'), practical: buildSchema(def, 'practical') });

/**
 * The zod schema of an entity's `data` under a profile; throws MODEL_UNKNOWN_ENTITY for a name the model lacks.
 *
 * @example
 * entitySchema('ContactPointEmail', 'practical').parse({ id, externalSourceId, externalRecordId, emailAddress })
 */
export function entitySchema<N extends EntityName, P extends Profile>(name: N, profile: P): z.ZodType<EntityData<N, P>>;
export function entitySchema(name: string, profile: Profile): z.ZodType<Record<string, unknown>>;
export function entitySchema(name: string, profile: Profile): z.ZodType<Record<string, unknown>> {
  const schemas = built.get(name);
  if (schemas === undefined) {
    throw new ConcordError('MODEL_UNKNOWN_ENTITY', `unknown entity ${name}`, { kind: 'usage', context: { entity: name } });
  }
  return schemas[profile];
}

function buildSchema(def: EntityDef, profile: Profile): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const prop of def.properties) {
    const value = valueSchema(prop);
    const required = prop.name === 'id' && profile === 'strict' ? true : profile === 'strict' ? prop.strict : prop.practical;
    shape[prop.name] = required ? value : value.nullish();
  }
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

function refSchema(ref: string | readonly string[]): z.ZodType {
  if (typeof ref === 'string') return nonEmpty;
  return z.strictObject({ type: z.enum(ref as [string, ...string[]]), id: nonEmpty });
}

function valueSchema(prop: PropertyDef): z.ZodType {
  if (prop.collection) return z.array(refSchema(prop.ref ?? []));
  if (prop.ref !== undefined) return refSchema(prop.ref);
  if (prop.enum !== undefined) return z.enum(prop.enum as [string, ...string[]]);
  switch (prop.type) {
    case 'string':
      return z.string();
    case 'id':
      return nonEmpty;
    case 'datetime':
      return z.string().regex(DATETIME_PATTERN);
    case 'date':
      return z.string().regex(DATE_PATTERN);
    case 'time':
      return z.string().regex(TIME_PATTERN);
    case 'boolean':
      return z.boolean();
    case 'integer':
      return z.number().int();
    case 'decimal':
    case 'amount':
    case 'percentage':
      return decimal;
  }
}

/** Whether the model has an entity by this name (type guard for `entitySchema`). */
export function isEntityName(name: string): name is EntityName {
  return getEntity(name) !== undefined;
}

// Inferred types of the main entities (practical profile: keys and business keys required, the rest optional).
export type Party = EntityData<'Party'>;
export type Individual = EntityData<'Individual'>;
export type Organization = EntityData<'Organization'>;
export type PartyIdentification = EntityData<'PartyIdentification'>;
export type PartyRole = EntityData<'PartyRole'>;
export type Customer = EntityData<'Customer'>;
export type Household = EntityData<'Household'>;
export type ContactPoint = EntityData<'ContactPoint'>;
export type ContactPointEmail = EntityData<'ContactPointEmail'>;
export type ContactPointPhone = EntityData<'ContactPointPhone'>;
export type ContactPointAddress = EntityData<'ContactPointAddress'>;
export type ContactPointSocial = EntityData<'ContactPointSocial'>;
export type ContactPointApp = EntityData<'ContactPointApp'>;
export type PartyWebAddress = EntityData<'PartyWebAddress'>;
export type Account = EntityData<'Account'>;
export type AccountContact = EntityData<'AccountContact'>;
export type Lead = EntityData<'Lead'>;
export type Product = EntityData<'Product'>;
export type ProductCategory = EntityData<'ProductCategory'>;
export type SalesOrder = EntityData<'SalesOrder'>;
export type SalesOrderProduct = EntityData<'SalesOrderProduct'>;
export type Payment = EntityData<'Payment'>;
export type PaymentMethod = EntityData<'PaymentMethod'>;
export type Shipment = EntityData<'Shipment'>;
export type Currency = EntityData<'Currency'>;
export type ServiceCase = EntityData<'ServiceCase'>;
export type Opportunity = EntityData<'Opportunity'>;
export type Campaign = EntityData<'Campaign'>;
export type CampaignMember = EntityData<'CampaignMember'>;
export type EngagementEvent = EntityData<'EngagementEvent'>;
export type ContactPointConsent = EntityData<'ContactPointConsent'>;
