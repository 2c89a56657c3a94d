/**
 * The Dataverse Web API emulator lives in `src/emulators/dataverse/` (it is part of the product: `concord demo
 * --live`); tests import it from here.
 *
 * @example
 * const dv = await startDataverseEmulator({ seed: 1, people: 200 });
 */
export * from '../../../src/emulators/dataverse/index.js';
