import { describe, expect, it } from 'vitest';
import type { McJob, McSubscriberSeed } from './mc-events.js';
import { subscriberEvents, subscriberStatus } from './mc-events.js';
import { DAY_MS } from './time-format.js';

const start = Date.UTC(2025, 0, 1, 15);
const jobs: McJob[] = Array.from({ length: 12 }, (_, i) => ({
  jobId: 100 + i, listId: 7, batchId: 1, sentAt: start + i * 14 * DAY_MS, emailName: `Newsletter ${i}`,
  links: [{ url: 'https://www.concord-demo.example/a', name: 'A' }],
}));
const sub = (over: Partial<McSubscriberSeed>): McSubscriberSeed => ({
  key: 'k', subscriberId: 1, email: 'a@example.com', createdAt: start - DAY_MS, engagement: 0.5, deliverable: true, ...over,
});

describe('subscriberEvents', () => {
  it('is a pure function of seed and subscriber key', () => {
    expect(subscriberEvents({ seed: 1, jobs }, sub({}))).toEqual(subscriberEvents({ seed: 1, jobs }, sub({})));
    expect(subscriberEvents({ seed: 1, jobs }, sub({}))).not.toEqual(subscriberEvents({ seed: 1, jobs }, sub({ key: 'other' })));
  });

  it('hard-bounces undeliverable addresses until they are held', () => {
    const events = subscriberEvents({ seed: 3, jobs }, sub({ deliverable: false }));
    const bounces = events.filter((e) => e.kind === 'bounce');
    expect(bounces.length).toBeGreaterThanOrEqual(3);
    expect(bounces.every((b) => b.bounce?.smtpCode === 550)).toBe(true);
    expect(events.some((e) => e.kind === 'open')).toBe(false);
    expect(subscriberStatus(events).status).toBe('Held');
  });

  it('never sends before the subscriber existed', () => {
    const createdAt = jobs[6]?.sentAt ?? 0;
    const events = subscriberEvents({ seed: 4, jobs }, sub({ createdAt }));
    expect(events.every((e) => e.job.sentAt >= createdAt)).toBe(true);
  });

  it('orders each open after its send and each click after an open', () => {
    for (let k = 0; k < 50; k++) {
      const events = subscriberEvents({ seed: 5, jobs }, sub({ key: `s${k}`, engagement: 0.9 }));
      for (const e of events) {
        const sent = events.find((s) => s.kind === 'sent' && s.job === e.job);
        expect(sent).toBeDefined();
        expect(e.at).toBeGreaterThanOrEqual(sent?.at ?? Infinity);
      }
    }
  });
});

describe('subscriberStatus', () => {
  it('reports Unsubscribed with the date of the unsubscribe', () => {
    const job = jobs[0];
    if (!job) throw new Error('no job');
    const events = [
      { kind: 'sent', job, at: 1, isUnique: true, link: undefined, bounce: undefined },
      { kind: 'unsub', job, at: 5, isUnique: true, link: undefined, bounce: undefined },
    ] as const;
    expect(subscriberStatus(events)).toEqual({ status: 'Unsubscribed', unsubscribedAt: 5 });
    expect(subscriberStatus([])).toEqual({ status: 'Active', unsubscribedAt: undefined });
  });
});
