/**
 * Local emulators for trying Concord without an org: a Salesforce API and a Dataverse Web API on 127.0.0.1,
 * seeded from the demo generator's world, with fault injection for tests. `concord demo --live` syncs through
 * them; the connector tests use them too. Not a replacement for a sandbox: see docs/emulators.md for what is
 * emulated and what is not.
 *
 * @example
 * import { startSalesforceEmulator, startDataverseEmulator } from './emulators/index.js';
 * const sf = await startSalesforceEmulator({ seed: 42, people: 1000 });
 * const dv = await startDataverseEmulator({ seed: 42, people: 1000 });
 */
export { startSalesforceEmulator, type SalesforceEmulator, type EmulatorOptions } from './salesforce/index.js';
export { startDataverseEmulator, type DataverseEmulator, type DataverseEmulatorOptions } from './dataverse/index.js';
export { startLiveDemo, liveSystems, LIVE_DEMO_ENV, LIVE_DEMO_WRITE_BACK, type LiveDemo } from './live-demo.js';
