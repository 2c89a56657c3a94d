/**
 * Marketing Cloud tracking for one subscriber: which sends they got, and what they did with them. Generated
 * from (seed, subscriber key) alone, so the writer can regenerate the events file by file instead of holding
 * millions of rows, and the subscriber's status can be derived from the same events.
 *
 * @example
 * const events = subscriberEvents(world.marketingCloud, subscriber);
 * subscriberStatus(events); // { status: 'Unsubscribed', unsubscribedAt: 1722… }
 */
import { DAY_MS } from './time-format.js';
import { Rng, hash32 } from './prng.js';

/** One email send (a Marketing Cloud job). */
export interface McJob {
  jobId: number;
  listId: number;
  batchId: number;
  /** When the send started (epoch ms, UTC). */
  sentAt: number;
  emailName: string;
  links: ReadonlyArray<{ url: string; name: string }>;
}

/** What a subscriber's events are generated from. */
export interface McSubscriberSeed {
  key: string;
  subscriberId: number;
  email: string;
  createdAt: number;
  /** Probability of opening a send. */
  engagement: number;
  /** False for addresses with a typo: every send hard-bounces. */
  deliverable: boolean;
}

export interface McBounce {
  category: string;
  subcategory: string;
  smtpCode: number;
  reason: string;
}

export type McEventKind = 'sent' | 'open' | 'click' | 'bounce' | 'unsub';

/** One tracking event, before it is written as a data-view row. */
export interface McEvent {
  kind: McEventKind;
  job: McJob;
  at: number;
  isUnique: boolean;
  link: { url: string; name: string } | undefined;
  bounce: McBounce | undefined;
}

export interface McContext {
  seed: number;
  jobs: readonly McJob[];
}

const HARD: McBounce = { category: 'Hard bounce', subcategory: 'User Unknown', smtpCode: 550, reason: '550 5.1.1 The email account that you tried to reach does not exist' };
const SOFT: McBounce = { category: 'Soft bounce', subcategory: 'Mailbox Full', smtpCode: 452, reason: '452 4.2.2 The email account that you tried to reach is over quota' };
const BLOCK: McBounce = { category: 'Block bounce', subcategory: 'Blocked', smtpCode: 554, reason: '554 5.7.1 Message rejected due to content restrictions' };

const HOUR = 3_600_000;

/**
 * Every tracking event of one subscriber, in time order per send. Rates are typical of B2B newsletters:
 * ~85% of subscribers in each audience, opens by the subscriber's engagement (median ≈ 20%), ~18% of openers
 * click, ~1.3% soft and ~0.3% block bounces, ~0.6% of openers unsubscribe; undeliverable addresses hard-bounce
 * until Marketing Cloud holds them.
 */
export function subscriberEvents(ctx: McContext, sub: McSubscriberSeed): McEvent[] {
  const rng = new Rng(hash32(`${ctx.seed}:mc-events:${sub.key}`));
  const events: McEvent[] = [];
  const bounces: number[] = [];
  for (const job of ctx.jobs) {
    if (job.sentAt < sub.createdAt) continue;
    if (!rng.chance(0.85)) continue;
    const sentAt = job.sentAt + rng.int(0, 90 * 60) * 1000;
    events.push({ kind: 'sent', job, at: sentAt, isUnique: true, link: undefined, bounce: undefined });
    let bounce: McBounce | undefined;
    if (!sub.deliverable) bounce = HARD;
    else if (rng.chance(0.013)) bounce = SOFT;
    else if (rng.chance(0.003)) bounce = BLOCK;
    if (bounce) {
      const at = sentAt + rng.int(2, 600) * 1000;
      events.push({ kind: 'bounce', job, at, isUnique: !bounces.length, link: undefined, bounce });
      bounces.push(at);
      // Held: three or more bounces spanning more than 14 days (B5) — no further sends.
      if (isHeld(bounces)) break;
      continue;
    }
    if (!rng.chance(sub.engagement)) continue;
    const openAt = sentAt + Math.min(rng.exponential(6 * HOUR), 5 * DAY_MS) + 60_000;
    events.push({ kind: 'open', job, at: Math.round(openAt), isUnique: true, link: undefined, bounce: undefined });
    let again = openAt;
    while (rng.chance(0.3)) {
      again += rng.exponential(DAY_MS);
      events.push({ kind: 'open', job, at: Math.round(again), isUnique: false, link: undefined, bounce: undefined });
    }
    if (rng.chance(0.18)) {
      let clickAt = openAt + rng.exponential(3 * 60_000) + 5000;
      events.push({ kind: 'click', job, at: Math.round(clickAt), isUnique: true, link: rng.pick(job.links), bounce: undefined });
      while (rng.chance(0.2)) {
        clickAt += rng.exponential(10 * 60_000);
        events.push({ kind: 'click', job, at: Math.round(clickAt), isUnique: false, link: rng.pick(job.links), bounce: undefined });
      }
    }
    if (rng.chance(0.006)) {
      const at = openAt + rng.exponential(2 * 60_000) + 10_000;
      events.push({ kind: 'unsub', job, at: Math.round(at), isUnique: true, link: undefined, bounce: undefined });
      break;
    }
  }
  return events;
}

function isHeld(bounces: readonly number[]): boolean {
  const first = bounces[0];
  const last = bounces[bounces.length - 1];
  return bounces.length >= 3 && first !== undefined && last !== undefined && last - first > 14 * DAY_MS;
}

export type McStatus = 'Active' | 'Bounced' | 'Held' | 'Unsubscribed';

/**
 * The All Subscribers status that the events imply: an unsubscribe wins, then held, then a bounce on the latest
 * send, else active.
 *
 * @example
 * subscriberStatus([]); // { status: 'Active', unsubscribedAt: undefined }
 */
export function subscriberStatus(events: readonly McEvent[]): { status: McStatus; unsubscribedAt: number | undefined } {
  const unsub = events.find((e) => e.kind === 'unsub');
  if (unsub) return { status: 'Unsubscribed', unsubscribedAt: unsub.at };
  const bounces = events.filter((e) => e.kind === 'bounce').map((e) => e.at);
  if (isHeld(bounces)) return { status: 'Held', unsubscribedAt: undefined };
  const lastSent = [...events].reverse().find((e) => e.kind === 'sent');
  if (lastSent && events.some((e) => e.kind === 'bounce' && e.job === lastSent.job)) return { status: 'Bounced', unsubscribedAt: undefined };
  return { status: 'Active', unsubscribedAt: undefined };
}
