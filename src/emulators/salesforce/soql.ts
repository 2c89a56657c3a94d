/**
 * The SOQL subset the emulator understands, parsed for real (vendor notes A3):
 * `SELECT f1, f2 FROM Object [WHERE <condition>] [ORDER BY f [ASC|DESC], …] [LIMIT n]`, where a condition is
 * comparisons (`=`, `!=`, `<`, `<=`, `>`, `>=`) of a field with a literal (quoted string, number, true/false,
 * null, unquoted date or datetime) joined by AND / OR with parentheses. Anything else is a `MALFORMED_QUERY`,
 * as Salesforce answers a query it cannot parse.
 *
 * @example
 * const q = parseSoql("SELECT Id FROM Contact WHERE SystemModstamp >= 2024-01-01T00:00:00Z ORDER BY SystemModstamp, Id LIMIT 10");
 * q.object; // 'Contact'
 */

export type Literal = string | number | boolean | null | { datetime: number } | { date: string };
export type Condition =
  | { kind: 'cmp'; field: string; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Literal }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

export interface SoqlQuery {
  fields: string[];
  object: string;
  where: Condition | undefined;
  orderBy: Array<{ field: string; desc: boolean }>;
  limit: number | undefined;
}

/** A query the emulator cannot parse; the server answers 400 MALFORMED_QUERY with this message. */
export class SoqlSyntaxError extends Error {}

const TOKEN = /\s*(?:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))|(\d{4}-\d{2}-\d{2})|('(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)|(!=|<=|>=|=|<|>|\(|\)|,)|([A-Za-z_][A-Za-z0-9_.]*))/y;

type Token = { kind: 'datetime' | 'date' | 'string' | 'number' | 'punct' | 'word'; text: string };

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < soql.length) {
    if (/^\s*$/.test(soql.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(soql);
    if (!m) throw new SoqlSyntaxError(`unexpected token: '${soql.slice(at).trim().split(/\s+/)[0]}'`);
    at = TOKEN.lastIndex;
    const kinds = ['datetime', 'date', 'string', 'number', 'punct', 'word'] as const;
    const index = [1, 2, 3, 4, 5, 6].find((i) => m[i] !== undefined)!;
    tokens.push({ kind: kinds[index - 1]!, text: m[index]! });
  }
  return tokens;
}

/**
 * Parses the subset; throws SoqlSyntaxError on anything outside it.
 *
 * @example
 * parseSoql('SELECT Id, Name FROM Account LIMIT 5').limit; // 5
 */
export function parseSoql(soql: string): SoqlQuery {
  const tokens = tokenize(soql);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isWord = (word: string): boolean => peek()?.kind === 'word' && peek()!.text.toUpperCase() === word;
  const expectWord = (word: string): void => {
    if (!isWord(word)) throw new SoqlSyntaxError(`unexpected token: '${peek()?.text ?? 'end of query'}', expected ${word}`);
    i++;
  };
  const identifier = (): string => {
    const t = peek();
    if (t?.kind !== 'word' || ['FROM', 'WHERE', 'ORDER', 'BY', 'LIMIT', 'AND', 'OR', 'SELECT'].includes(t.text.toUpperCase())) {
      throw new SoqlSyntaxError(`unexpected token: '${t?.text ?? 'end of query'}'`);
    }
    i++;
    return t.text;
  };
  const punct = (p: string): boolean => {
    if (peek()?.kind === 'punct' && peek()!.text === p) {
      i++;
      return true;
    }
    return false;
  };

  expectWord('SELECT');
  const fields = [identifier()];
  while (punct(',')) fields.push(identifier());
  expectWord('FROM');
  const object = identifier();
  let where: Condition | undefined;
  if (isWord('WHERE')) {
    i++;
    where = orExpr();
  }
  const orderBy: SoqlQuery['orderBy'] = [];
  if (isWord('ORDER')) {
    i++;
    expectWord('BY');
    do {
      const f = identifier();
      let desc = false;
      if (isWord('ASC')) i++;
      else if (isWord('DESC')) {
        i++;
        desc = true;
      }
      orderBy.push({ field: f, desc });
    } while (punct(','));
  }
  let limit: number | undefined;
  if (isWord('LIMIT')) {
    i++;
    const t = peek();
    if (t?.kind !== 'number' || !/^\d+$/.test(t.text)) throw new SoqlSyntaxError(`unexpected token: '${t?.text ?? 'end of query'}', expected a row count`);
    i++;
    limit = Number(t.text);
  }
  if (i < tokens.length) throw new SoqlSyntaxError(`unexpected token: '${tokens[i]!.text}'`);
  return { fields, object, where, orderBy, limit };

  function orExpr(): Condition {
    let left = andExpr();
    while (isWord('OR')) {
      i++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }
  function andExpr(): Condition {
    let left = primary();
    while (isWord('AND')) {
      i++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }
  function primary(): Condition {
    if (punct('(')) {
      const inner = orExpr();
      if (!punct(')')) throw new SoqlSyntaxError(`unexpected token: '${peek()?.text ?? 'end of query'}', expected )`);
      return inner;
    }
    const f = identifier();
    const op = peek();
    if (op?.kind !== 'punct' || !['=', '!=', '<', '<=', '>', '>='].includes(op.text)) throw new SoqlSyntaxError(`unexpected token: '${op?.text ?? 'end of query'}', expected an operator`);
    i++;
    return { kind: 'cmp', field: f, op: op.text as '=', value: literal() };
  }
  function literal(): Literal {
    const t = peek();
    if (!t) throw new SoqlSyntaxError('unexpected end of query, expected a value');
    i++;
    switch (t.kind) {
      case 'string':
        return t.text.slice(1, -1).replace(/\\(.)/g, '$1');
      case 'number':
        return Number(t.text);
      case 'date':
        return { date: t.text };
      case 'datetime': {
        const ms = Date.parse(t.text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        if (Number.isNaN(ms)) throw new SoqlSyntaxError(`invalid datetime: ${t.text}`);
        return { datetime: ms };
      }
      case 'word': {
        const w = t.text.toLowerCase();
        if (w === 'true' || w === 'false') return w === 'true';
        if (w === 'null') return null;
        break;
      }
      default:
        break;
    }
    throw new SoqlSyntaxError(`unexpected token: '${t.text}', expected a value`);
  }
}

/** Fields a condition names (to check them against describe). */
export function conditionFields(c: Condition | undefined): string[] {
  if (!c) return [];
  return c.kind === 'cmp' ? [c.field] : [...conditionFields(c.left), ...conditionFields(c.right)];
}

/** A stored value in comparable form: datetimes (API strings) as epoch ms, the rest as is. */
function comparable(value: unknown, literal: Literal): unknown {
  if (literal !== null && typeof literal === 'object' && 'datetime' in literal) {
    return typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : value;
  }
  return value;
}

function literalValue(literal: Literal): unknown {
  if (literal !== null && typeof literal === 'object') return 'datetime' in literal ? literal.datetime : literal.date;
  return literal;
}

/**
 * Evaluates a condition over a record's stored values; null compares only with `=`/`!=` (as in SOQL).
 *
 * @example
 * matches(parseSoql("SELECT Id FROM Lead WHERE Status = 'Open'").where, { Status: 'Open' }); // true
 */
export function matches(condition: Condition | undefined, record: Readonly<Record<string, unknown>>): boolean {
  if (!condition) return true;
  if (condition.kind === 'and') return matches(condition.left, record) && matches(condition.right, record);
  if (condition.kind === 'or') return matches(condition.left, record) || matches(condition.right, record);
  if (condition.kind !== 'cmp') return false;
  const left = comparable(record[condition.field] ?? null, condition.value);
  const right = literalValue(condition.value);
  switch (condition.op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    default: {
      if (left === null || right === null) return false;
      const l = left as string | number;
      const r = right as string | number;
      return condition.op === '<' ? l < r : condition.op === '<=' ? l <= r : condition.op === '>' ? l > r : l >= r;
    }
  }
}

/** Sorts records by an ORDER BY list; nulls first, as SOQL's default. */
export function compareBy(orderBy: SoqlQuery['orderBy'], dateTimeFields: ReadonlySet<string>): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  return (a, b) => {
    for (const { field, desc } of orderBy) {
      let x = a[field] ?? null;
      let y = b[field] ?? null;
      if (dateTimeFields.has(field)) {
        x = typeof x === 'string' ? Date.parse(x.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : x;
        y = typeof y === 'string' ? Date.parse(y.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : y;
      }
      if (x === y) continue;
      const order = x === null ? -1 : y === null ? 1 : (x as string) < (y as string) ? -1 : 1;
      return desc ? -order : order;
    }
    return 0;
  };
}
