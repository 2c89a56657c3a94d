/**
 * The modstamp a record had in the store before Concord wrote to it. A write-back moves the record's modstamp in
 * its system without anyone changing its other values; survivorship uses this to keep "most recent" about real
 * changes (see identity/store/survive.ts). Text on both dialects: modstamps are the systems' own values.
 */
import type { Migration } from './migration.js';

const statements = ['ALTER TABLE writeback_outcomes ADD COLUMN previous_modstamp text'];

export const migration: Migration = { version: 7, name: 'write-back-echo', sqlite: statements, postgres: statements };
