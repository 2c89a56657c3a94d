/**
 * The named transforms a field map can use: the crosswalk's T1–T12 and a few small ones. Each transform is
 * compiled once per field map into a forward writer (called only for non-empty source values) and, where the
 * transform is reversible, a reverse reader; lossy transforms declare what they lose.
 *
 * @example
 * // In a mapping:
 * { source: 'MobilePhone', target: 'ContactPointPhone[MobilePhone].telephoneNumber',
 *   transform: { name: 'phone', args: { phoneType: 'Mobile', regionField: 'MailingCountry' } } }
 */
import { ConcordError } from '../core/errors.js';
import { salesforceId18 } from '../core/ids.js';
import {
  composePersonName,
  createValueTable,
  joinStreet,
  normalizeCountry,
  normalizeEmail,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseNumber,
  roundHalfEven,
  splitStreet,
  type PhoneNormalizer,
} from './normalize/index.js';
import type { IdFunction } from './fast-id.js';
import type { Part, ReverseView, RowState } from './row-state.js';
import type { JsonValue, SourceFieldSpec, SourceFieldType } from './types.js';

/** A field map's target, resolved against the mapping's records. */
export interface ResolvedTarget {
  /** Index of the record spec. */
  readonly record: number;
  readonly part: Part;
  readonly entity: string;
  /** Property name; empty for whole-record targets (`ContactPointAddress[MailingAddress]`). */
  readonly property: string;
}

export interface TransformContext {
  readonly source: string;
  readonly spec: SourceFieldSpec | undefined;
  readonly target: ResolvedTarget;
  readonly args: Readonly<Record<string, JsonValue>>;
  readonly system: string;
  readonly idKind: 'salesforce' | 'guid' | 'string';
  readonly id: IdFunction;
  readonly phone: PhoneNormalizer;
  readonly defaultRegion: string;
  /** Resolves another target of the same mapping (`ContactPoint[Email]`), for transforms writing two rows. */
  resolve(target: string): ResolvedTarget;
}

export interface CompiledTransform {
  /** Called with a non-empty source value. */
  readonly forward: (value: unknown, row: RowState) => void;
  /** Called when the source is empty (T12 composes the name from its parts). */
  readonly onEmpty?: (row: RowState) => void;
  /** The source value back from the records; absent when the transform cannot be reversed. */
  readonly reverse?: (view: ReverseView) => unknown;
  /** `Entity.property` (or `Entity[key].property`) written, for documentation and reports. */
  readonly writes: readonly string[];
  /** What the reverse direction loses, if anything. */
  readonly loss?: string;
}

export interface TransformDef {
  readonly name: string;
  /** Crosswalk convention implemented (`T2`). */
  readonly crosswalk?: string;
  readonly summary: string;
  /** True when the target may name a whole record (`Entity[key]`) rather than a property. */
  readonly wholeRecord?: boolean;
  compile(ctx: TransformContext): CompiledTransform;
}

const EMPTY = (value: unknown): boolean => value === undefined || value === null || value === '';

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function argString(ctx: TransformContext, name: string, fallback?: string): string {
  const value = ctx.args[name];
  if (typeof value === 'string') return value;
  if (value === undefined && fallback !== undefined) return fallback;
  throw new ConcordError('MAPPING_INVALID', `transform needs a string argument "${name}"`, {
    kind: 'config',
    context: { field: ctx.source },
  });
}

function argOptionalString(ctx: TransformContext, name: string): string | undefined {
  const value = ctx.args[name];
  return typeof value === 'string' ? value : undefined;
}

function argBoolean(ctx: TransformContext, name: string): boolean {
  return ctx.args[name] === true;
}

function argNumber(ctx: TransformContext, name: string): number | undefined {
  const value = ctx.args[name];
  return typeof value === 'number' ? value : undefined;
}

function label(t: ResolvedTarget, property = t.property): string {
  return `${t.entity}.${property}`;
}

/** Reads one property of a target's record in the reverse direction. */
function read(view: ReverseView, t: ResolvedTarget, property = t.property): unknown {
  return view.get(t.record, t.part)?.[property];
}

// ---------------------------------------------------------------------------------------------------------------
// Small transforms

const copy: TransformDef = {
  name: 'copy',
  summary: 'the value as read (the default)',
  compile(ctx) {
    const t = ctx.target;
    return {
      forward: (value, row) => row.put(t.record, t.part, t.property, value),
      reverse: (view) => read(view, t),
      writes: [label(t)],
    };
  },
};

const trim: TransformDef = {
  name: 'trim',
  summary: 'text with surrounding whitespace removed; blank text is empty',
  compile(ctx) {
    const t = ctx.target;
    return {
      forward: (value, row) => {
        const s = text(value).trim();
        if (s !== '') row.put(t.record, t.part, t.property, s);
      },
      reverse: (view) => read(view, t),
      writes: [label(t)],
      loss: 'surrounding whitespace',
    };
  },
};

const boolean: TransformDef = {
  name: 'boolean',
  summary: 'true/false from booleans, 1/0, true/false, yes/no',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    return {
      forward: (value, row) => {
        const b = parseBoolean(value);
        if (b === undefined) row.error(field, 'INVALID_BOOLEAN', `${field} is not a boolean: ${JSON.stringify(value)}`, value, t.entity);
        else row.put(t.record, t.part, t.property, b, b);
      },
      reverse: (view) => read(view, t),
      writes: [label(t)],
      loss: 'false is written back only when its record exists (false alone does not create a contact point)',
    };
  },
};

/** Largest magnitude accepted per source type: Salesforce int is 32-bit; number(18, n) fields hold 18 digits. */
function defaultMaximum(type: SourceFieldType | undefined): number {
  return type === 'int' ? 2_147_483_647 : 1e18;
}

const number: TransformDef = {
  name: 'number',
  summary: 'a finite decimal number; args: integer (reject fractions), max (largest magnitude)',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const integer = argBoolean(ctx, 'integer') || ctx.spec?.type === 'int';
    const max = argNumber(ctx, 'max') ?? defaultMaximum(ctx.spec?.type);
    return {
      forward: (value, row) => {
        const parsed = parseNumber(value);
        if (!parsed.ok) {
          const code = parsed.reason.startsWith('integer beyond') ? 'NUMBER_TOO_LARGE' : 'INVALID_NUMBER';
          row.error(field, code, `${field}: ${parsed.reason}`, value, t.entity);
        } else if (Math.abs(parsed.value) > max) {
          row.error(field, 'NUMBER_TOO_LARGE', `${field} = ${parsed.value} exceeds ${max}`, value, t.entity);
        } else if (integer && !Number.isInteger(parsed.value)) {
          row.error(field, 'INVALID_NUMBER', `${field} must be a whole number, got ${parsed.value}`, value, t.entity);
        } else row.put(t.record, t.part, t.property, parsed.value);
      },
      reverse: (view) => read(view, t),
      writes: [label(t)],
    };
  },
};

const integerAmount: TransformDef = {
  name: 'integerAmount',
  crosswalk: 'T9',
  summary: 'an amount into an xsd:integer slot, rounded half-even; the exact decimal kept in an extension property',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const exact = argString(ctx, 'exactProperty', `concord:${t.property}Exact`);
    const max = argNumber(ctx, 'max') ?? 1e18;
    return {
      forward: (value, row) => {
        const parsed = parseNumber(value);
        if (!parsed.ok) {
          const code = parsed.reason.startsWith('integer beyond') ? 'NUMBER_TOO_LARGE' : 'INVALID_NUMBER';
          row.error(field, code, `${field}: ${parsed.reason}`, value, t.entity);
          return;
        }
        if (Math.abs(parsed.value) > max) {
          row.error(field, 'NUMBER_TOO_LARGE', `${field} = ${parsed.value} exceeds ${max}`, value, t.entity);
          return;
        }
        const rounded = Number.isInteger(parsed.value) ? parsed.value : roundHalfEven(parsed.value, 0);
        row.put(t.record, t.part, t.property, rounded);
        if (rounded !== parsed.value) row.put(t.record, t.part, exact, parsed.value);
      },
      reverse: (view) => {
        const precise = read(view, t, exact);
        return precise === undefined ? read(view, t) : precise;
      },
      writes: [label(t), label(t, exact)],
    };
  },
};

const date: TransformDef = {
  name: 'date',
  crosswalk: 'T11',
  summary: 'a calendar date YYYY-MM-DD, never shifted by time zone; args: parts (prefix for Day/Month/Year slots)',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const parts = argOptionalString(ctx, 'parts');
    const writes = [label(t)];
    if (parts !== undefined) writes.push(label(t, `${parts}Day`), label(t, `${parts}Month`), label(t, `${parts}Year`));
    return {
      forward: (value, row) => {
        const d = parseDate(text(value));
        if (d === undefined) {
          row.error(field, 'INVALID_DATE', `${field} is not a possible date: ${JSON.stringify(value)}`, value, t.entity);
          return;
        }
        row.put(t.record, t.part, t.property, d);
        if (parts !== undefined) {
          row.put(t.record, t.part, `${parts}Day`, Number(d.slice(8, 10)));
          row.put(t.record, t.part, `${parts}Month`, Number(d.slice(5, 7)));
          row.put(t.record, t.part, `${parts}Year`, Number(d.slice(0, 4)));
        }
      },
      reverse: (view) => read(view, t),
      writes,
      loss: 'non-ISO input formats come back as YYYY-MM-DD',
    };
  },
};

const datetime: TransformDef = {
  name: 'datetime',
  crosswalk: 'T11',
  summary: 'an instant as ISO-8601 UTC; args: datePart (keep the UTC date only, for CIM date slots), assumeOffsetMinutes (zone of zone-less text, e.g. -360 for CST)',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const datePart = argBoolean(ctx, 'datePart');
    const offset = argNumber(ctx, 'assumeOffsetMinutes');
    const options = offset === undefined ? {} : { assumeOffsetMinutes: offset };
    return {
      forward: (value, row) => {
        const instant = parseDateTime(text(value), options);
        if (instant === undefined) {
          row.error(field, 'INVALID_DATETIME', `${field} is not a possible date-time: ${JSON.stringify(value)}`, value, t.entity);
          return;
        }
        row.put(t.record, t.part, t.property, datePart ? instant.slice(0, 10) : instant);
      },
      reverse: (view) => read(view, t),
      writes: [label(t)],
      loss: datePart ? 'the time of day (CIM keeps the date)' : 'the offset: instants come back in UTC',
    };
  },
};

const sourceId: TransformDef = {
  name: 'sourceId',
  crosswalk: 'T10',
  summary: "another record's native id, normalised (Salesforce 18 characters, GUIDs lower-case), kept as text",
  compile(ctx) {
    const t = ctx.target;
    const normalize = idNormalizer(ctx.idKind);
    const field = ctx.source;
    return {
      forward: (value, row) => {
        const id = normalize(text(value).trim());
        if (id === undefined) row.error(field, 'INVALID_ID', `${field} is not a valid id: ${JSON.stringify(value)}`, value, t.entity);
        else row.put(t.record, t.part, t.property, id);
      },
      reverse: (view) => read(view, t),
      writes: [label(t)],
      loss: '15-character Salesforce ids come back as 18 characters',
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Crosswalk transforms

const street: TransformDef = {
  name: 'street',
  crosswalk: 'T1',
  summary: 'street text → addressLine1..4 (line 5+ joins line 4 with ", "); reverse joins lines with \\n',
  wholeRecord: true,
  compile(ctx) {
    const t = ctx.target;
    const prefix = t.property === '' ? 'addressLine' : t.property.replace(/1$/, '');
    const names = [`${prefix}1`, `${prefix}2`, `${prefix}3`, `${prefix}4`];
    return {
      forward: (value, row) => {
        const lines = splitStreet(text(value));
        for (let i = 0; i < lines.length; i++) row.put(t.record, t.part, names[i]!, lines[i]);
      },
      reverse: (view) => {
        const data = view.get(t.record, t.part);
        if (data === undefined) return undefined;
        const joined = joinStreet([data[names[0]!], data[names[1]!], data[names[2]!], data[names[3]!]].map((v) => (typeof v === 'string' ? v : undefined)));
        return joined === '' ? undefined : joined;
      },
      writes: names.map((n) => label(t, n)),
      loss: 'line breaks become \\n; blank lines and spaces around lines are dropped; a 5th line joins line 4',
    };
  },
};

const PHONE_USAGE: Readonly<Record<string, 'business' | 'personal'>> = {
  Business: 'business', Fax: 'business', Assistant: 'business', Mobile: 'personal', Home: 'personal', Other: 'personal',
};

const phone: TransformDef = {
  name: 'phone',
  crosswalk: 'T2',
  summary:
    'raw number → ContactPointPhone formats (E.164, international, national), country code, area code, extension, SMS/fax capability; args: phoneType, regionField',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const phoneType = argString(ctx, 'phoneType');
    const regionField = argOptionalString(ctx, 'regionField');
    const fax = phoneType === 'Fax';
    const mobileSlot = phoneType === 'Mobile';
    if (PHONE_USAGE[phoneType] === undefined) {
      throw new ConcordError('MAPPING_INVALID', `unknown phoneType "${phoneType}" (Business, Mobile, Home, Other, Fax, Assistant)`, {
        kind: 'config',
        context: { field },
      });
    }
    const normalize = ctx.phone;
    const regions = new Map<string, string>();
    const regionOf = (row: RowState): string | undefined => {
      if (regionField === undefined) return undefined;
      const raw = row.fields[regionField];
      if (EMPTY(raw)) return undefined;
      const key = text(raw);
      let code = regions.get(key);
      if (code === undefined) {
        code = normalizeCountry(key)?.code ?? '';
        if (regions.size < 10_000) regions.set(key, code);
      }
      return code === '' ? undefined : code;
    };
    const r = t.record;
    const p = t.part;
    return {
      forward: (value, row) => {
        const raw = text(value);
        const parsed = normalize(raw, regionOf(row));
        if (parsed === undefined) return;
        row.put(r, p, 'telephoneNumber', raw);
        row.put(r, p, 'formattedInternationalPhoneNumber', parsed.international);
        row.put(r, p, 'formattedNationalPhoneNumber', parsed.national);
        if (parsed.e164 !== undefined) row.put(r, p, 'formattedE164PhoneNumber', parsed.e164);
        if (parsed.countryCode !== undefined) row.put(r, p, 'phoneCountryCode', parsed.countryCode);
        if (parsed.areaCode !== undefined) row.put(r, p, 'areaCode', parsed.areaCode);
        if (parsed.extension !== undefined) row.put(r, p, 'extensionNumber', parsed.extension);
        row.put(r, p, 'isFaxCapable', fax);
        row.put(r, p, 'isSMSCapable', mobileSlot || parsed.type === 'MOBILE');
        if (!parsed.valid) {
          row.warn(field, 'PHONE_INVALID', `${field} is not a valid phone number (${parsed.reason ?? 'invalid'}); kept as entered`, raw, t.entity);
        }
      },
      reverse: (view) => read(view, t, 'telephoneNumber'),
      writes: [
        'telephoneNumber', 'formattedE164PhoneNumber', 'formattedInternationalPhoneNumber', 'formattedNationalPhoneNumber',
        'phoneCountryCode', 'areaCode', 'extensionNumber', 'isFaxCapable', 'isSMSCapable',
      ].map((n) => label(t, n)),
    };
  },
};

const email: TransformDef = {
  name: 'email',
  crosswalk: 'T3',
  summary: 'address as entered (trimmed) → emailAddress, local part → emailMailBox, lower-cased domain → emailDomain; invalid: warning, kept',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const r = t.record;
    const p = t.part;
    return {
      forward: (value, row) => {
        const raw = text(value).trim();
        const parsed = normalizeEmail(raw);
        if (parsed === undefined) return;
        row.put(r, p, 'emailAddress', raw);
        row.put(r, p, 'emailMailBox', parsed.mailbox);
        row.put(r, p, 'emailDomain', parsed.domain);
        if (!parsed.valid) {
          row.warn(field, 'EMAIL_INVALID', `${field} is not a valid email address (${parsed.reason ?? 'invalid'}); kept as entered`, raw, t.entity);
        }
      },
      reverse: (view) => read(view, t, 'emailAddress'),
      writes: [label(t, 'emailAddress'), label(t, 'emailMailBox'), label(t, 'emailDomain')],
      loss: 'surrounding whitespace',
    };
  },
};

const choice: TransformDef = {
  name: 'choice',
  crosswalk: 'T4',
  summary: 'picklist / option value through a value table; unknown values pass through with a warning (args: table, unknown: pass|skip, caseInsensitive, output: boolean — a table of true/false derives a flag such as isWon from a state code, and unknown values are then skipped)',
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const rawTable = ctx.args['table'];
    const entries: Record<string, string> = {};
    if (rawTable !== null && typeof rawTable === 'object' && !Array.isArray(rawTable)) {
      for (const [k, v] of Object.entries(rawTable as Record<string, JsonValue>)) entries[k] = String(v);
    }
    const table = createValueTable(entries, { caseInsensitive: argBoolean(ctx, 'caseInsensitive') });
    const asBoolean = ctx.args['output'] === 'boolean';
    // A flag cannot carry an unknown label: an unknown state leaves the flag unset (with the warning).
    const skipUnknown = ctx.args['unknown'] === 'skip' || asBoolean;
    const known = Object.keys(entries);
    return {
      forward: (value, row) => {
        const mapped = table.map(text(value));
        // A derived flag alone never makes a record exist (an undeliverable flag without an email is no contact point).
        if (mapped.known) row.put(t.record, t.part, t.property, asBoolean ? mapped.value === 'true' : mapped.value, !asBoolean);
        else if (asBoolean) {
          row.warn(field, 'UNKNOWN_VALUE', `${field} value ${JSON.stringify(value)} is not in the value table (${known.length} known); ${label(t)} left unset`, value, t.entity);
        } else if (!skipUnknown) {
          row.put(t.record, t.part, t.property, mapped.value);
          row.warn(field, 'UNKNOWN_VALUE', `${field} value ${JSON.stringify(value)} is not in the value table (${known.length} known); passed through`, value, t.entity);
        }
      },
      reverse: (view) => {
        const v = read(view, t);
        if (v === undefined || v === null) return undefined;
        return table.reverse(text(v)) ?? v;
      },
      writes: [label(t)],
    };
  },
};

const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** Native id normalisation (T10): Salesforce ids to 18 characters, GUIDs lower-case without braces. */
export function idNormalizer(kind: 'salesforce' | 'guid' | 'string'): (id: string) => string | undefined {
  if (kind === 'salesforce') return (id) => (SF_ID.test(id) ? salesforceId18(id) : undefined);
  if (kind === 'guid') return (id) => (GUID.test(id) ? id.replace(/[{}]/g, '').toLowerCase() : undefined);
  return (id) => (id === '' ? undefined : id);
}

const lookup: TransformDef = {
  name: 'lookup',
  crosswalk: 'T6/T10',
  summary:
    "a reference to another source record → that record's Concord id (args: stream, slot, tag; typeField + typeValue for polymorphic lookups: only when the row's type field names that table); no store lookup needed",
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const stream = argString(ctx, 'stream');
    const slot = argOptionalString(ctx, 'slot');
    const tag = argOptionalString(ctx, 'tag');
    // T6: Dataverse customer lookups point at account or contact; the companion type column says which.
    const typeField = argOptionalString(ctx, 'typeField');
    const typeValue = typeField === undefined ? undefined : argString(ctx, 'typeValue').toLowerCase();
    const normalize = idNormalizer(ctx.idKind);
    const id = ctx.id;
    const system = ctx.system;
    return {
      forward: (value, row) => {
        if (typeField !== undefined) {
          const type = row.fields[typeField];
          if (!EMPTY(type) && text(type).trim().toLowerCase() !== typeValue) return;
        }
        const native = normalize(text(value).trim());
        if (native === undefined) {
          row.error(field, 'INVALID_ID', `${field} is not a valid id: ${JSON.stringify(value)}`, value, t.entity);
          return;
        }
        const ref = slot === undefined ? id(system, stream, native) : id(system, stream, native, slot);
        row.put(t.record, t.part, t.property, tag === undefined ? ref : { type: tag, id: ref });
      },
      reverse: (view) => {
        const v = read(view, t);
        const ref = typeof v === 'string' ? v : v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
        return typeof ref === 'string' ? view.resolveRef(ref) : undefined;
      },
      writes: [label(t)],
      loss:
        typeField === undefined
          ? "written back only when the referenced record's native id is known (resolveRef)"
          : `written back only when the referenced record's native id is known (resolveRef); ${typeField} is not written back`,
    };
  },
};

const consent: TransformDef = {
  name: 'consent',
  crosswalk: 'T7',
  summary: 'an opt-out flag → ContactPointConsent (channel, purpose, status optOut, or notOptedOut when the flag is false (never optIn: not opting out is not consent), capturedDateTime, captureSource = the flag)',
  wholeRecord: true,
  compile(ctx) {
    const t = ctx.target;
    const field = ctx.source;
    const channel = argString(ctx, 'channel');
    const purpose = argString(ctx, 'purpose', 'all');
    const r = t.record;
    const p = t.part;
    return {
      forward: (value, row) => {
        const optedOut = parseBoolean(value);
        if (optedOut === undefined) {
          row.error(field, 'INVALID_BOOLEAN', `${field} is not a boolean: ${JSON.stringify(value)}`, value, t.entity);
          return;
        }
        row.put(r, p, 'channel', channel);
        row.put(r, p, 'purpose', purpose);
        row.put(r, p, 'status', optedOut ? 'optOut' : 'notOptedOut');
        row.put(r, p, 'captureSource', field);
        // The flag's own change time is not exported; the row's last change is the latest it can have been set.
        const at = row.systemModstamp ?? row.lastModifiedDate ?? row.createdDate;
        if (at !== undefined) row.put(r, p, 'capturedDateTime', at);
      },
      reverse: (view) => {
        const status = read(view, t, 'status');
        return status === undefined ? undefined : status === 'optOut';
      },
      writes: ['channel', 'purpose', 'status', 'captureSource', 'capturedDateTime'].map((n) => label(t, n)),
      loss: "an explicit opt-in from another system is written back as false (not opted out)",
    };
  },
};

const personName: TransformDef = {
  name: 'personName',
  crosswalk: 'T12',
  summary: 'the full name; when the source has none, composed from salutation, first, middle, last, suffix (args: source field names)',
  compile(ctx) {
    const t = ctx.target;
    const partFields = {
      salutation: argOptionalString(ctx, 'salutation'),
      firstName: argOptionalString(ctx, 'firstName'),
      middleName: argOptionalString(ctx, 'middleName'),
      lastName: argOptionalString(ctx, 'lastName'),
      suffix: argOptionalString(ctx, 'suffix'),
    };
    const get = (row: RowState, f: string | undefined): string | undefined => {
      if (f === undefined) return undefined;
      const v = row.fields[f];
      return EMPTY(v) ? undefined : text(v);
    };
    return {
      forward: (value, row) => {
        const s = text(value).trim();
        if (s !== '') row.put(t.record, t.part, t.property, s);
      },
      onEmpty: (row) => {
        const composed = composePersonName({
          salutation: get(row, partFields.salutation),
          firstName: get(row, partFields.firstName),
          middleName: get(row, partFields.middleName),
          lastName: get(row, partFields.lastName),
          suffix: get(row, partFields.suffix),
        });
        if (composed !== '') row.put(t.record, t.part, t.property, composed);
      },
      writes: [label(t)],
      loss: 'computed by the source system: never written back',
    };
  },
};

/** The transform catalogue, by name. */
export const TRANSFORMS: ReadonlyMap<string, TransformDef> = new Map(
  [copy, trim, boolean, number, integerAmount, date, datetime, sourceId, street, phone, email, choice, lookup, consent, personName].map(
    (t) => [t.name, t] as const,
  ),
);

/** The transform a field of this type gets when a mapping (or an override) names none. */
export function defaultTransformFor(type: SourceFieldType | undefined): string {
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return 'number';
    case 'id':
    case 'reference':
      return 'sourceId';
    default:
      return 'copy';
  }
}

export { EMPTY as isEmptyValue };
