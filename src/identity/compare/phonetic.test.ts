import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { doubleMetaphone } from './double-metaphone.js';
import { nysiis, soundex } from './phonetic.js';

// talisman (a dev dependency, CommonJS, untyped) serves as the reference Soundex.
const talismanSoundex = createRequire(import.meta.url)('talisman/phonetics/soundex') as (name: string) => string;

describe('soundex', () => {
  // US National Archives examples, plus the classic pairs.
  it.each([
    ['Robert', 'R163'], ['Rupert', 'R163'], ['Rubin', 'R150'], ['Ashcraft', 'A261'], ['Ashcroft', 'A261'],
    ['Tymczak', 'T522'], ['Pfister', 'P236'], ['Honeyman', 'H555'], ['Smith', 'S530'], ['Schmidt', 'S530'],
    ['Thompson', 'T512'], ['Thomson', 'T525'], ['Jon', 'J500'], ['John', 'J500'], ['Lee', 'L000'], ['', ''],
    ['Müller', 'M460'], ["O'Brien", 'O165'],
  ])('%s → %s', (name, code) => {
    expect(soundex(name)).toBe(code);
  });

  it('agrees with talisman on a name list', () => {
    const names = ['Washington', 'Lee', 'Gutierrez', 'Jackson', 'Pfeiffer', 'Lloyd', 'Vaughan', 'Hughes', 'Wheeler',
      'Edwards', 'Matthews', 'Kenneth', 'Knight', 'Macintosh', 'Phillips', 'Sarah', 'Zachary', 'Bryant', 'Schwarzenegger'];
    for (const name of names) expect(soundex(name)).toBe(talismanSoundex(name));
  });
});

describe('nysiis', () => {
  // Published NYSIIS vectors (original algorithm, untruncated).
  it.each([
    ['Catherine', 'CATARAN'], ['Katherine', 'CATARAN'], ['John', 'JAN'], ['Jon', 'JAN'], ['Worthy', 'WARTY'],
    ['Ogata', 'OGAT'], ['Montgomery', 'MANTGANARY'], ['Costales', 'CASTAL'], ['Tu', 'T'],
    ['Martincevic', 'MARTANCAFAC'], ['Jonathan', 'JANATAN'], ['Johnathan', 'JANATAN'], ['Teresa', 'TARAS'],
    ['Theresa', 'TARAS'], ['Jessica', 'JASAC'], ['Joshua', 'JAS'], ['Smith', 'SNAT'], ['Schmidt', 'SNAD'],
    ['Thompson', 'TANPSAN'], ['Thomson', 'TANSAN'], ['Knight', 'NAGT'], ['Macintosh', 'MCANT'], ['', ''],
  ])('%s → %s', (name, code) => {
    expect(nysiis(name)).toBe(code);
  });

  it('ignores case, accents and punctuation', () => {
    expect(nysiis('JOSÉ')).toBe(nysiis('jose'));
    expect(nysiis("O'Neil")).toBe(nysiis('ONeil'));
  });
});

describe('doubleMetaphone', () => {
  // Values from the rules of Philips' original algorithm.
  it.each([
    ['Smith', 'SM0', 'XMT'], ['Schmidt', 'XMT', 'SMT'], ['Thompson', 'TMPS', 'TMPS'], ['Thomson', 'TMSN', 'TMSN'],
    ['Jon', 'JN', 'AN'], ['John', 'JN', 'AN'], ['Michael', 'MKL', 'MXL'], ['Caesar', 'SSR', 'SSR'],
    ['Chianti', 'KNT', 'KNT'], ['Czerny', 'SRN', 'XRN'], ['Focaccia', 'FKX', 'FKX'], ['Bacchus', 'PKS', 'PKS'],
    ['Edge', 'AJ', 'AJ'], ['Edgar', 'ATKR', 'ATKR'], ['Hugh', 'H', 'H'], ['Laugh', 'LF', 'LF'], ['Jose', 'HS', 'HS'],
    ['Cabrillo', 'KPRL', 'KPR'], ['Rogier', 'RJ', 'RJR'], ['Island', 'ALNT', 'ALNT'], ['Sugar', 'XKR', 'SKR'],
    ['School', 'SKL', 'SKL'], ['Wasserman', 'ASRM', 'FSRM'], ['Arnow', 'ARN', 'ARNF'], ['Breaux', 'PR', 'PR'],
    ['Xavier', 'SF', 'SFR'], ['Knight', 'NT', 'NT'], ['Zhao', 'J', 'J'], ['', '', ''],
    // Where talisman departs from the original rules: "-ACH-" after a consonant is K, an initial "WH" codes A,
    // and Z in a Slavo-Germanic word has the alternate TS.
    ['Zachary', 'SKR', 'SKR'], ['White', 'AT', 'AT'], ['Franziska', 'FRNS', 'FRNT'],
  ])('%s → %s / %s', (name, primary, alternate) => {
    expect(doubleMetaphone(name)).toEqual([primary, alternate]);
  });

  it('agrees with talisman on common names outside those three rules', () => {
    const talismanDm = createRequire(import.meta.url)('talisman/phonetics/double-metaphone') as (s: string) => [string, string];
    const names = ['Robert', 'William', 'Elizabeth', 'Katherine', 'Margaret', 'Richard', 'Alexander', 'Jacqueline',
      'Gutierrez', 'Rodriguez', 'Washington', 'Phillips', 'Hughes', 'Campbell', 'McLaughlin', 'Tagliaro', 'Ghislane',
      'Schermerhorn', 'Filipowicz', 'Gallegos', 'Accident', 'Bellocchio', 'Mcclellan', 'Heidegger', 'Nietzsche',
      'Chemistry', 'Chorus', 'Danger', 'Biaggi', 'Yankelovich', 'Dumb', 'Hochmeier', 'Resnais', 'Thomas', 'Gnome'];
    for (const name of names) expect(doubleMetaphone(name)).toEqual(talismanDm(name));
  });
});
