/**
 * Identity work spread over threads: feature building in worker threads, with a compact hand-over of features.
 *
 * @example
 * import { buildFeatures, personFeatureBuilder } from './parallel/index.js';
 * const features = await buildFeatures(rows, personFeatureBuilder('US'), { workers: 2 });
 */
export { buildFeatures, defaultWorkers, organizationFeatureBuilder, personFeatureBuilder, type BuildFeaturesOptions, type FeatureBuilderRef } from './features.js';
export { decodeFeatures, encodeFeatures, type EncodedFeatures } from './feature-codec.js';
export { loadBuilder, type FeatureBuilder } from './load-builder.js';
