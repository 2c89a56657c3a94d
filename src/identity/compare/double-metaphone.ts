/**
 * Double Metaphone (Lawrence Philips, 2000): a primary and an alternate phonetic code of up to four characters,
 * covering English, Germanic, Slavic, Romance and other spellings ("Smith" SM0/XMT, "Schmidt" XMT/SMT, so the two
 * share a code). `0` stands for "th", `X` for "sh"/"ch", `J` for the "j"/soft-g sound; vowels are coded only at
 * the start (as `A`). Precomputed into features, so it is off the pair-scoring hot path.
 */

const MAX = 4;

/**
 * Primary and alternate Double Metaphone codes (equal when the spelling has one reading); `['', '']` for input
 * without letters.
 *
 * @example
 * doubleMetaphone('Smith'); // ['SM0', 'XMT']
 * doubleMetaphone('Schmidt'); // ['XMT', 'SMT']
 * doubleMetaphone('Thomson'); // ['TMSN', 'TMSN']
 */
export function doubleMetaphone(name: string): [string, string] {
  const word = name
    .replace(/[çÇ]/g, 'S')
    .replace(/[ñÑ]/g, 'N')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/ß/g, 'SS')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
  if (word === '') return ['', ''];
  return new Encoder(word).run();
}

class Encoder {
  private primary = '';
  private secondary = '';
  private readonly length: number;
  private readonly last: number;
  private readonly slavoGermanic: boolean;
  // Padded with spaces so look-ahead past the end reads ' ' (the rules test for a following space).
  private readonly value: string;

  constructor(word: string) {
    this.length = word.length;
    this.last = word.length - 1;
    this.value = `${word}     `;
    this.slavoGermanic = /W|K|CZ|WITZ/.test(word);
  }

  private at(i: number): string {
    return i < 0 ? '' : (this.value[i] ?? '');
  }

  /** Whether any of `options` occurs at `start` (never before the start of the word). */
  private stringAt(start: number, ...options: string[]): boolean {
    if (start < 0) return false;
    for (const option of options) if (this.value.startsWith(option, start)) return true;
    return false;
  }

  private isVowel(i: number): boolean {
    if (i < 0 || i >= this.length) return false;
    return 'AEIOUY'.includes(this.value[i] ?? '');
  }

  /** Appends to both codes, or `main` to the primary and `alt` to the alternate ('' adds nothing). */
  private add(main: string, alt: string = main): void {
    this.primary += main;
    this.secondary += alt;
  }

  run(): [string, string] {
    let i = 0;
    if (this.stringAt(0, 'GN', 'KN', 'PN', 'WR', 'PS')) i = 1;
    // Initial X sounds like S ("Xavier").
    if (this.at(0) === 'X') {
      this.add('S');
      i = 1;
    }
    while ((this.primary.length < MAX || this.secondary.length < MAX) && i < this.length) {
      i = this.step(i);
    }
    return [this.primary.slice(0, MAX), this.secondary.slice(0, MAX)];
  }

  /** Codes the letter at `i`; returns the index of the next letter to code. */
  private step(i: number): number {
    const c = this.at(i);
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
      case 'Y':
        if (i === 0) this.add('A');
        return i + 1;
      case 'B':
        this.add('P');
        return this.at(i + 1) === 'B' ? i + 2 : i + 1;
      case 'C':
        return this.letterC(i);
      case 'D':
        if (this.stringAt(i, 'DG')) {
          if (this.stringAt(i + 2, 'I', 'E', 'Y')) {
            this.add('J'); // "edge"
            return i + 3;
          }
          this.add('TK'); // "edgar"
          return i + 2;
        }
        this.add('T');
        return this.stringAt(i, 'DT', 'DD') ? i + 2 : i + 1;
      case 'F':
        this.add('F');
        return this.at(i + 1) === 'F' ? i + 2 : i + 1;
      case 'G':
        return this.letterG(i);
      case 'H':
        // Kept only first or between vowels.
        if ((i === 0 || this.isVowel(i - 1)) && this.isVowel(i + 1)) {
          this.add('H');
          return i + 2;
        }
        return i + 1;
      case 'J':
        return this.letterJ(i);
      case 'K':
        this.add('K');
        return this.at(i + 1) === 'K' ? i + 2 : i + 1;
      case 'L':
        if (this.at(i + 1) === 'L') {
          // Spanish "cabrillo", "gallegos".
          if ((i === this.length - 3 && this.stringAt(i - 1, 'ILLO', 'ILLA', 'ALLE'))
            || ((this.stringAt(this.last - 1, 'AS', 'OS') || this.stringAt(this.last, 'A', 'O')) && this.stringAt(i - 1, 'ALLE'))) {
            this.add('L', '');
            return i + 2;
          }
          this.add('L');
          return i + 2;
        }
        this.add('L');
        return i + 1;
      case 'M':
        this.add('M');
        // "dumb", "thumb"; "mm".
        return (this.stringAt(i - 1, 'UMB') && (i + 1 === this.last || this.stringAt(i + 2, 'ER'))) || this.at(i + 1) === 'M'
          ? i + 2
          : i + 1;
      case 'N':
        this.add('N');
        return this.at(i + 1) === 'N' ? i + 2 : i + 1;
      case 'P':
        if (this.at(i + 1) === 'H') {
          this.add('F');
          return i + 2;
        }
        this.add('P'); // "campbell", "raspberry"
        return this.stringAt(i + 1, 'P', 'B') ? i + 2 : i + 1;
      case 'Q':
        this.add('K');
        return this.at(i + 1) === 'Q' ? i + 2 : i + 1;
      case 'R':
        // French "rogier", but not "hochmeier".
        if (i === this.last && !this.slavoGermanic && this.stringAt(i - 2, 'IE') && !this.stringAt(i - 4, 'ME', 'MA')) {
          this.add('', 'R');
        } else {
          this.add('R');
        }
        return this.at(i + 1) === 'R' ? i + 2 : i + 1;
      case 'S':
        return this.letterS(i);
      case 'T':
        if (this.stringAt(i, 'TION', 'TIA', 'TCH')) {
          this.add('X');
          return i + 3;
        }
        if (this.stringAt(i, 'TH', 'TTH')) {
          // "thomas", "thames", or Germanic.
          if (this.stringAt(i + 2, 'OM', 'AM') || this.stringAt(0, 'VAN ', 'VON ', 'SCH')) this.add('T');
          else this.add('0', 'T');
          return i + 2;
        }
        this.add('T');
        return this.stringAt(i + 1, 'T', 'D') ? i + 2 : i + 1;
      case 'V':
        this.add('F');
        return this.at(i + 1) === 'V' ? i + 2 : i + 1;
      case 'W':
        return this.letterW(i);
      case 'X':
        // French "breaux".
        if (!(i === this.last && (this.stringAt(i - 3, 'IAU', 'EAU') || this.stringAt(i - 2, 'AU', 'OU')))) this.add('KS');
        return this.stringAt(i + 1, 'C', 'X') ? i + 2 : i + 1;
      case 'Z':
        if (this.at(i + 1) === 'H') {
          this.add('J'); // Pinyin "zhao"
          return i + 2;
        }
        if (this.stringAt(i + 1, 'ZO', 'ZI', 'ZA') || (this.slavoGermanic && i > 0 && this.at(i - 1) !== 'T')) this.add('S', 'TS');
        else this.add('S');
        return this.at(i + 1) === 'Z' ? i + 2 : i + 1;
      default:
        return i + 1;
    }
  }

  private letterC(i: number): number {
    // Germanic "bacher", "macher".
    if (i > 1 && !this.isVowel(i - 2) && this.stringAt(i - 1, 'ACH') && this.at(i + 2) !== 'I'
      && (this.at(i + 2) !== 'E' || this.stringAt(i - 2, 'BACHER', 'MACHER'))) {
      this.add('K');
      return i + 2;
    }
    if (i === 0 && this.stringAt(i, 'CAESAR')) {
      this.add('S');
      return i + 2;
    }
    if (this.stringAt(i, 'CHIA')) {
      this.add('K'); // Italian "chianti"
      return i + 2;
    }
    if (this.stringAt(i, 'CH')) {
      if (i > 0 && this.stringAt(i, 'CHAE')) {
        this.add('K', 'X'); // "michael"
        return i + 2;
      }
      // Greek roots: "chemistry", "chorus".
      if (i === 0 && this.stringAt(i + 1, 'HARAC', 'HARIS', 'HOR', 'HYM', 'HIA', 'HEM') && !this.stringAt(0, 'CHORE')) {
        this.add('K');
        return i + 2;
      }
      if (this.stringAt(0, 'VAN ', 'VON ', 'SCH') || this.stringAt(i - 2, 'ORCHES', 'ARCHIT', 'ORCHID')
        || this.stringAt(i + 2, 'T', 'S')
        || ((this.stringAt(i - 1, 'A', 'O', 'U', 'E') || i === 0) && this.stringAt(i + 2, 'L', 'R', 'N', 'M', 'B', 'H', 'F', 'V', 'W', ' '))) {
        this.add('K');
      } else if (i > 0) {
        if (this.stringAt(0, 'MC')) this.add('K');
        else this.add('X', 'K');
      } else {
        this.add('X');
      }
      return i + 2;
    }
    if (this.stringAt(i, 'CZ') && !this.stringAt(i - 2, 'WICZ')) {
      this.add('S', 'X'); // "czerny"
      return i + 2;
    }
    if (this.stringAt(i + 1, 'CIA')) {
      this.add('X'); // "focaccia"
      return i + 3;
    }
    // Double C, but not "McClellan".
    if (this.stringAt(i, 'CC') && !(i === 1 && this.at(0) === 'M')) {
      // "bellocchio", but not "bacchus".
      if (this.stringAt(i + 2, 'I', 'E', 'H') && !this.stringAt(i + 2, 'HU')) {
        // "accident", "accede", "succeed"; else Italian "bacci", "bertucci".
        if ((i === 1 && this.at(i - 1) === 'A') || this.stringAt(i - 1, 'UCCEE', 'UCCES')) this.add('KS');
        else this.add('X');
        return i + 3;
      }
      this.add('K');
      return i + 2;
    }
    if (this.stringAt(i, 'CK', 'CG', 'CQ')) {
      this.add('K');
      return i + 2;
    }
    if (this.stringAt(i, 'CI', 'CE', 'CY')) {
      if (this.stringAt(i, 'CIO', 'CIE', 'CIA')) this.add('S', 'X');
      else this.add('S');
      return i + 2;
    }
    this.add('K');
    // "mac caffrey", "mac gregor".
    if (this.stringAt(i + 1, ' C', ' Q', ' G')) return i + 3;
    if (this.stringAt(i + 1, 'C', 'K', 'Q') && !this.stringAt(i + 1, 'CE', 'CI')) return i + 2;
    return i + 1;
  }

  private letterG(i: number): number {
    if (this.at(i + 1) === 'H') {
      if (i > 0 && !this.isVowel(i - 1)) {
        this.add('K');
        return i + 2;
      }
      if (i === 0) {
        // "ghislane", "ghiradelli".
        this.add(this.at(i + 2) === 'I' ? 'J' : 'K');
        return i + 2;
      }
      // Parker's rule: "hugh", "bough", "broughton".
      if ((i > 1 && this.stringAt(i - 2, 'B', 'H', 'D')) || (i > 2 && this.stringAt(i - 3, 'B', 'H', 'D'))
        || (i > 3 && this.stringAt(i - 4, 'B', 'H'))) {
        return i + 2;
      }
      // "laugh", "McLaughlin", "cough", "rough", "tough".
      if (i > 2 && this.at(i - 1) === 'U' && this.stringAt(i - 3, 'C', 'G', 'L', 'R', 'T')) this.add('F');
      else if (i > 0 && this.at(i - 1) !== 'I') this.add('K');
      return i + 2;
    }
    if (this.at(i + 1) === 'N') {
      if (i === 1 && this.isVowel(0) && !this.slavoGermanic) this.add('KN', 'N');
      else if (!this.stringAt(i + 2, 'EY') && this.at(i + 1) !== 'Y' && !this.slavoGermanic) this.add('N', 'KN');
      else this.add('KN');
      return i + 2;
    }
    if (this.stringAt(i + 1, 'LI') && !this.slavoGermanic) {
      this.add('KL', 'L'); // "tagliaro"
      return i + 2;
    }
    // -ges-, -gep-, -gel-, -gie- at the start.
    if (i === 0 && (this.at(i + 1) === 'Y' || this.stringAt(i + 1, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))) {
      this.add('K', 'J');
      return i + 2;
    }
    // -ger-, -gy-.
    if ((this.stringAt(i + 1, 'ER') || this.at(i + 1) === 'Y') && !this.stringAt(0, 'DANGER', 'RANGER', 'MANGER')
      && !this.stringAt(i - 1, 'E', 'I') && !this.stringAt(i - 1, 'RGY', 'OGY')) {
      this.add('K', 'J');
      return i + 2;
    }
    // Italian "biaggi".
    if (this.stringAt(i + 1, 'E', 'I', 'Y') || this.stringAt(i - 1, 'AGGI', 'OGGI')) {
      if (this.stringAt(0, 'VAN ', 'VON ', 'SCH') || this.stringAt(i + 1, 'ET')) this.add('K');
      else if (this.stringAt(i + 1, 'IER ')) this.add('J');
      else this.add('J', 'K');
      return i + 2;
    }
    this.add('K');
    return this.at(i + 1) === 'G' ? i + 2 : i + 1;
  }

  private letterJ(i: number): number {
    // Spanish "jose", "san jacinto".
    if (this.stringAt(i, 'JOSE') || this.stringAt(0, 'SAN ')) {
      if ((i === 0 && this.at(i + 4) === ' ') || this.stringAt(0, 'SAN ')) this.add('H');
      else this.add('J', 'H');
      return i + 1;
    }
    if (i === 0 && !this.stringAt(i, 'JOSE')) {
      this.add('J', 'A'); // "Yankelovich" / "Jankelowicz"
    } else if (this.isVowel(i - 1) && !this.slavoGermanic && (this.at(i + 1) === 'A' || this.at(i + 1) === 'O')) {
      this.add('J', 'H'); // Spanish "bajador"
    } else if (i === this.last) {
      this.add('J', '');
    } else if (!this.stringAt(i + 1, 'L', 'T', 'K', 'S', 'N', 'M', 'B', 'Z') && !this.stringAt(i - 1, 'S', 'K', 'L')) {
      this.add('J');
    }
    return this.at(i + 1) === 'J' ? i + 2 : i + 1;
  }

  private letterS(i: number): number {
    // "island", "isle", "carlisle", "carlysle".
    if (this.stringAt(i - 1, 'ISL', 'YSL')) return i + 1;
    if (i === 0 && this.stringAt(i, 'SUGAR')) {
      this.add('X', 'S');
      return i + 1;
    }
    if (this.stringAt(i, 'SH')) {
      // Germanic "-sheim", "-sholm".
      this.add(this.stringAt(i + 1, 'HEIM', 'HOEK', 'HOLM', 'HOLZ') ? 'S' : 'X');
      return i + 2;
    }
    // Italian and Armenian "-sio", "-sia", "-sian".
    if (this.stringAt(i, 'SIO', 'SIA', 'SIAN')) {
      if (!this.slavoGermanic) this.add('S', 'X');
      else this.add('S');
      return i + 3;
    }
    // German and anglicized: "smith"/"schmidt", "snider"/"schneider"; Slavic -sz-.
    if ((i === 0 && this.stringAt(i + 1, 'M', 'N', 'L', 'W')) || this.stringAt(i + 1, 'Z')) {
      this.add('S', 'X');
      return this.stringAt(i + 1, 'Z') ? i + 2 : i + 1;
    }
    if (this.stringAt(i, 'SC')) {
      if (this.at(i + 2) === 'H') {
        // Dutch "school", "schooner"; "schermerhorn", "schenker".
        if (this.stringAt(i + 3, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM')) {
          if (this.stringAt(i + 3, 'ER', 'EN')) this.add('X', 'SK');
          else this.add('SK');
          return i + 3;
        }
        if (i === 0 && !this.isVowel(3) && this.at(3) !== 'W') this.add('X', 'S');
        else this.add('X');
        return i + 3;
      }
      if (this.stringAt(i + 2, 'I', 'E', 'Y')) {
        this.add('S');
        return i + 3;
      }
      this.add('SK');
      return i + 3;
    }
    // French "resnais", "artois".
    if (i === this.last && this.stringAt(i - 2, 'AI', 'OI')) this.add('', 'S');
    else this.add('S');
    return this.stringAt(i + 1, 'S', 'Z') ? i + 2 : i + 1;
  }

  private letterW(i: number): number {
    if (this.stringAt(i, 'WR')) {
      this.add('R');
      return i + 2;
    }
    if (i === 0 && (this.isVowel(i + 1) || this.stringAt(i, 'WH'))) {
      // "Wasserman" should match "Vasserman"; "Uomo" should match "Womo".
      if (this.isVowel(i + 1)) this.add('A', 'F');
      else this.add('A');
    }
    // "Arnow" should match "Arnoff".
    if ((i === this.last && this.isVowel(i - 1)) || this.stringAt(i - 1, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') || this.stringAt(0, 'SCH')) {
      this.add('', 'F');
      return i + 1;
    }
    // Polish "filipowicz".
    if (this.stringAt(i, 'WICZ', 'WITZ')) {
      this.add('TS', 'FX');
      return i + 4;
    }
    return i + 1;
  }
}
