/**
 * Every shipped Marketing Cloud mapping: All Subscribers and the five tracking extracts. The
 * marketing-cloud-export connector (mappingSystem `marketing-cloud`) reads streams under these names.
 *
 * @example
 * MARKETING_CLOUD_MAPPINGS.map((m) => m.stream); // ['Subscribers', 'Sent', 'Opens', 'Clicks', 'Bounces', 'Unsubs']
 */
import type { StreamMapping } from '../../../mapping/types.js';
import { marketingCloudBounces, marketingCloudClicks, marketingCloudOpens, marketingCloudSent, marketingCloudUnsubs } from './events.js';
import { marketingCloudSubscribers } from './subscribers.js';

export { marketingCloudBounces, marketingCloudClicks, marketingCloudOpens, marketingCloudSent, marketingCloudSubscribers, marketingCloudUnsubs };
export { EVENT_KEY_FIELD, TRACKING_NOT_MAPPED, type TrackingStream } from './events.js';
export { SUBSCRIBER_CONSENT } from './subscribers.js';

export const MARKETING_CLOUD_MAPPINGS: readonly StreamMapping[] = [
  marketingCloudSubscribers, marketingCloudSent, marketingCloudOpens, marketingCloudClicks, marketingCloudBounces, marketingCloudUnsubs,
];
