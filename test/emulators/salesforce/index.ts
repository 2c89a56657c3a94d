/**
 * The Salesforce API emulator lives in `src/emulators/salesforce/` (it is part of the product: `concord demo
 * --live`); tests import it from here.
 *
 * @example
 * const sf = await startSalesforceEmulator({ seed: 1, people: 200 });
 */
export * from '../../../src/emulators/salesforce/index.js';
