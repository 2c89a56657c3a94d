/**
 * Dataverse `transactioncurrency` → CIM Currency (crosswalk T8). Amount columns of the other tables carry a
 * `transactioncurrencyid` lookup, mapped to this record's id, so every amount's currency resolves to its ISO
 * code. Exchange rates are system-computed and have no CIM slot.
 *
 * @example
 * getMapping('dataverse', 'transactioncurrency').fields[0]?.target; // 'Currency.iSOCurrencyCodeAlphanumericText'
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { SYSTEM_FIELDS, SYSTEM_NOT_MAPPED, SYSTEM_SOURCE, describeWithUnmapped } from './common.js';

export const TRANSACTIONCURRENCY_NOT_MAPPED: Readonly<Record<string, string>> = {
  ...SYSTEM_NOT_MAPPED,
  exchangerate: 'system-computed (T8): read-only, no CIM slot',
  currencysymbol: 'display only; no CIM slot',
};

export const dataverseTransactionCurrency: StreamMapping = {
  system: 'dataverse',
  stream: 'transactioncurrency',
  description: describeWithUnmapped('A currency: Currency with its ISO code, the target of every transactioncurrencyid', TRANSACTIONCURRENCY_NOT_MAPPED),
  idField: 'transactioncurrencyid',
  idKind: 'guid',
  modstampField: 'modifiedon',
  systemFields: SYSTEM_FIELDS,
  source: {
    transactioncurrencyid: { type: 'id' },
    isocurrencycode: { type: 'string', length: 5 },
    currencyname: { type: 'string', length: 100 },
    currencysymbol: { type: 'string', length: 10 },
    exchangerate: { type: 'double', readOnly: true },
    ...SYSTEM_SOURCE,
  },
  records: [{ key: 'Currency', entity: 'Currency', when: 'always' }],
  fields: [
    { source: 'isocurrencycode', target: 'Currency.iSOCurrencyCodeAlphanumericText', transform: { name: 'trim' } },
    { source: 'currencyname', target: 'Currency.name' },
  ],
};
