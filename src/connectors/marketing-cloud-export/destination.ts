/**
 * `marketing-cloud-export` is read-only: tracking extracts are history, and subscriber changes go through the
 * Marketing Cloud API.
 *
 * @example
 * destination.supported // false
 */
import { readOnlyDestination } from '../shared/read-only.js';

export const destination = readOnlyDestination(
  'marketing-cloud-export',
  'extract files are read-only; to write subscribers or data extension rows use a system of type marketing-cloud',
);
