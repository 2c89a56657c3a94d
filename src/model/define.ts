/**
 * The vocabulary of Concord's entity table. Each entity is written once, as a map from property name to a short
 * spec string; the runtime definitions (`EntityDef`), the zod schemas, the TypeScript types, JSON Schema, SQL and
 * JSON-LD are all derived from that one table.
 *
 * Spec strings: `string`, `id`, `datetime`, `date`, `time`, `boolean`, `integer`, `decimal`, `amount`, `percentage`
 * (a scalar); `->Account` (a reference, held as an id string); `->Individual|Organization` (a polymorphic
 * reference, held as a tagged `{ type, id }`); `enum:a|b` (a string from a closed list); `[]ContactPoint` (an
 * inverse collection: listed for completeness, always optional, never stored). A trailing `!` marks the property
 * required in the strict profile. The practical profile requires `id`, `externalSourceId`, `externalRecordId` and
 * the entity's `practical` list.
 *
 * @example
 * const Gender = entity('Gender', { area: 'Party', practical: ['name'] }, { ...systemFields, name: 'string!' });
 * Gender.properties.find((p) => p.name === 'name') // { type: 'string', strict: true, practical: true, … }
 */
import type { TaggedRef } from './record.js';

export const PROPERTY_TYPES = ['string', 'id', 'datetime', 'date', 'time', 'boolean', 'integer', 'decimal', 'amount', 'percentage'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];
export type Namespace = 'cim' | 'concord';
export type Profile = 'strict' | 'practical';

/** The properties that key a record; the practical profile requires them on every entity. */
export const KEY_PROPERTIES = ['id', 'externalSourceId', 'externalRecordId'] as const;
/** CIM's system fields (cim-core §4); on extension entities they keep their CIM names and meaning. */
export const SYSTEM_PROPERTIES = ['id', 'createdDate', 'lastModifiedDate', 'systemModstamp', 'externalSourceId', 'externalRecordId', 'implementorType'] as const;
/** Prefix of Concord extension properties on CIM entities (`concord:ownerId` on `Account`). */
export const EXTENSION_PREFIX = 'concord:';

export interface PropertyDef {
  readonly name: string;
  readonly type: PropertyType;
  /** Target entity of a reference; several targets make a polymorphic (tagged) reference. */
  readonly ref?: string | readonly string[];
  /** Closed list of allowed string values. */
  readonly enum?: readonly string[];
  /** Inverse collection: optional, not stored. */
  readonly collection: boolean;
  readonly strict: boolean;
  readonly practical: boolean;
  /** A Concord extension property (prefixed `concord:` on CIM entities; every property of an extension entity). */
  readonly extension: boolean;
}

export interface EntityDef {
  readonly name: string;
  readonly namespace: Namespace;
  /** CIM subject area (`Party`, `Sales Order`, …) or `Concord` for extension entities. */
  readonly area: string;
  /** The CIM superclass (`subClassOf`), when there is one. */
  readonly extends?: string;
  /** System properties CIM's shape lacks and Concord adds (`id` on id-less shapes). */
  readonly added: readonly string[];
  readonly properties: readonly PropertyDef[];
}

type Scalar = PropertyType;
type Bare = Scalar | `->${string}` | `[]${string}` | `enum:${string}`;
/** A property spec string; see the module comment. */
export type PropSpec = Bare | `${Exclude<Bare, `[]${string}`>}!`;
export type PropSpecs = Readonly<Record<string, PropSpec>>;

export interface EntityOptions<R extends readonly string[]> {
  readonly area: string;
  readonly namespace?: Namespace;
  readonly extends?: string;
  readonly practical?: R;
  readonly added?: readonly string[];
}

/** An entity as written in the table: its runtime definition plus its spec map (which types are computed from). */
export interface EntitySpec<N extends string, P extends PropSpecs, R extends readonly string[]> extends EntityDef {
  readonly name: N;
  readonly specs: P;
  readonly practicalKeys: R;
}

/** The standard CIM system fields as most shapes have them (id and the three timestamps required). */
export const systemFields = {
  id: 'id!',
  createdDate: 'datetime!',
  lastModifiedDate: 'datetime!',
  systemModstamp: 'datetime!',
  externalSourceId: 'string',
  externalRecordId: 'string',
  implementorType: 'string!',
} as const;

/**
 * Declares one entity. Throws on a malformed spec (a table bug, found at module load).
 *
 * @example
 * entity('LeadSource', { area: 'Party', practical: ['leadSourceName'] }, { ...systemFields, leadSourceName: 'string!' })
 */
export function entity<const N extends string, const P extends PropSpecs, const R extends readonly (keyof P & string)[] = []>(
  name: N,
  options: EntityOptions<R>,
  specs: P,
): EntitySpec<N, P, R> {
  const practicalKeys = (options.practical ?? []) as R;
  const namespace = options.namespace ?? 'cim';
  const practical = new Set<string>([...KEY_PROPERTIES, ...practicalKeys]);
  const properties = Object.entries(specs).map(([prop, spec]) => parseSpec(name, namespace, prop, spec, practical.has(prop)));
  for (const key of practicalKeys) {
    if (!(key in specs)) throw new Error(`entity ${name}: practical key ${key} is not a property`);
  }
  return {
    name,
    namespace,
    area: options.area,
    ...(options.extends === undefined ? {} : { extends: options.extends }),
    added: options.added ?? [],
    properties,
    specs,
    practicalKeys,
  };
}

function parseSpec(entityName: string, namespace: Namespace, name: string, spec: string, practical: boolean): PropertyDef {
  const strict = spec.endsWith('!');
  const bare = strict ? spec.slice(0, -1) : spec;
  const extension = namespace === 'concord' || name.startsWith(EXTENSION_PREFIX);
  const base = { name, strict, practical: practical || false, extension, collection: false };
  if (bare.startsWith('[]')) return { ...base, type: 'id', ref: bare.slice(2), collection: true, strict: false, practical: false };
  if (bare.startsWith('->')) {
    const targets = bare.slice(2).split('|');
    return { ...base, type: 'id', ref: targets.length === 1 ? targets[0]! : targets };
  }
  if (bare.startsWith('enum:')) return { ...base, type: 'string', enum: bare.slice(5).split('|') };
  if ((PROPERTY_TYPES as readonly string[]).includes(bare)) return { ...base, type: bare as PropertyType };
  throw new Error(`entity ${entityName}: property ${name} has an unknown spec ${spec}`);
}

// ---- types computed from the spec strings -------------------------------------------------------------------

type Split<S extends string> = S extends `${infer A}|${infer B}` ? A | Split<B> : S;
type Unbang<S extends string> = S extends `${infer B}!` ? B : S;

/** The TypeScript value type of a spec string. Decimals may be numbers or exact decimal strings. */
export type ValueOfSpec<S extends string> =
  Unbang<S> extends `[]${string}`
    ? ReadonlyArray<string | TaggedRef>
    : Unbang<S> extends `->${infer T}`
      ? T extends `${string}|${string}`
        ? { readonly type: Split<T>; readonly id: string }
        : string
      : Unbang<S> extends `enum:${infer L}`
        ? Split<L>
        : Unbang<S> extends 'boolean'
          ? boolean
          : Unbang<S> extends 'integer'
            ? number
            : Unbang<S> extends 'decimal' | 'amount' | 'percentage'
              ? number | string
              : string;

type StrictRequired<P extends PropSpecs> = { [K in keyof P]: P[K] extends `${string}!` ? K : never }[keyof P];
type RequiredKeys<P extends PropSpecs, R extends readonly string[], Pr extends Profile> = Pr extends 'strict'
  ? StrictRequired<P> | (Extract<keyof P, 'id'>)
  : (R[number] | (typeof KEY_PROPERTIES)[number]) & keyof P;

/** The `data` of a record of an entity under a profile: required properties present, others optional or null. */
export type EntityDataOf<E, Pr extends Profile = 'practical'> =
  E extends EntitySpec<string, infer P, infer R>
    ? { readonly [K in RequiredKeys<P, R, Pr> & string]: ValueOfSpec<P[K] & string> } & {
        readonly [K in Exclude<keyof P, RequiredKeys<P, R, Pr>> & string]?: ValueOfSpec<P[K] & string> | null;
      }
    : never;
