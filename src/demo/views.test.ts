import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';
import { EmailRegistry, makeCompanies, makePerson, registeredName } from './truth.js';
import type { TruthCompany } from './truth.js';
import { companyName, personView } from './views.js';

const companies = makeCompanies(20, new Rng(1));
const usInc = companies.find((c) => c.country === 'US');
if (!usInc) throw new Error('no US company in the sample');
const acme: TruthCompany = { ...usInc, baseName: 'Acme Robotics', hasThe: false, legalForm: 0 };

describe('personView', () => {
  it('copies the truth when noise is zero', () => {
    const emails = new EmailRegistry();
    for (let i = 0; i < 30; i++) {
      const p = makePerson(i, companies, new Rng(100 + i), emails);
      const v = personView(p, companies, new Rng(i), { emailPreference: 'personal', stale: false, noise: 0, birthdateRate: 1 });
      expect(v.firstName).toBe(p.given.name);
      expect(v.lastName).toBe(p.lastName);
      expect(v.birthdate).toBe(p.birthdate);
      expect(v.variations).toEqual([]);
      expect(v.address?.city).toBe(p.address.city.city);
    }
  });

  it('shows the former employer and its e-mail on stale records', () => {
    const emails = new EmailRegistry();
    let checked = 0;
    for (let i = 0; i < 400 && checked < 5; i++) {
      const p = makePerson(i, companies, new Rng(7_000 + i), emails);
      if (p.previousCompany === undefined) continue;
      const v = personView(p, companies, new Rng(i), { emailPreference: 'work', stale: true, noise: 0, birthdateRate: 0 });
      expect(v.company).toBe(p.previousCompany);
      expect([p.previousWorkEmail, p.personalEmail]).toContain(v.email);
      expect(v.variations).toContain('old-employer');
      checked++;
    }
    expect(checked).toBe(5);
  });
});

describe('companyName', () => {
  it('keeps the registered name without noise', () => {
    expect(companyName(acme, new Rng(1), 0)).toBe(registeredName(acme));
    expect(registeredName(acme)).toBe('Acme Robotics Inc.');
  });

  it('produces the legal-form and "The" variants seen in CRMs', () => {
    const rng = new Rng(2);
    const names = new Set(Array.from({ length: 400 }, () => companyName(acme, rng, 1)));
    for (const expected of ['Acme Robotics Inc.', 'Acme Robotics Inc', 'Acme Robotics Incorporated', 'Acme Robotics', 'The Acme Robotics Inc.', 'ACME ROBOTICS INC.']) {
      expect(names, expected).toContain(expected);
    }
  });
});
