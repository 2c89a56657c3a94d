/**
 * A small, honest subset of OData `$filter` for the emulator: comparisons `eq ne gt ge lt le` of a column with
 * a string ('…', `''` escaping a quote), number, true/false/null or an ISO date-time, joined by `and`. Anything
 * else is a syntax error (the server answers 400), never a silently ignored clause.
 *
 * @example
 * const test = parseFilter("statecode eq 0 and modifiedon gt 2024-01-01T00:00:00Z");
 * test({ statecode: 0, modifiedon: '2024-05-01T00:00:00Z' }) // true
 */
export class FilterSyntaxError extends Error {}

type Literal = string | number | boolean | null;
interface Comparison {
  column: string;
  op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
  value: Literal;
}

const CLAUSE = /^\s*([a-z_][a-z0-9_]*)\s+(eq|ne|gt|ge|lt|le)\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false|null|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z)?)\s*$/;

function literal(text: string): Literal {
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text;
  return Number(text);
}

/** The columns a filter names (for the server's unknown-column check). */
export function filterColumns(filter: string): string[] {
  return splitAnd(filter).map((c) => parseClause(c).column);
}

function splitAnd(filter: string): string[] {
  // Splits on ` and ` outside string literals.
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < filter.length; i++) {
    const ch = filter[i]!;
    if (ch === "'") quoted = !quoted;
    if (!quoted && filter.slice(i, i + 5).toLowerCase() === ' and ') {
      parts.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function parseClause(clause: string): Comparison {
  const m = CLAUSE.exec(clause);
  if (!m) throw new FilterSyntaxError(`Syntax error at '${clause.trim()}' in $filter (the emulator understands <column> eq|ne|gt|ge|lt|le <literal> joined by and)`);
  return { column: m[1]!, op: m[2] as Comparison['op'], value: literal(m[3]!) };
}

function compare(a: Literal, b: Literal): number {
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a) && /^\d{4}-\d{2}-\d{2}/.test(b)) return Date.parse(a) - Date.parse(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Dataverse compares text case-insensitively (default collation).
  return String(a).toLowerCase().localeCompare(String(b).toLowerCase());
}

/**
 * A row predicate from a `$filter` expression.
 *
 * @example
 * parseFilter("lastname eq 'O''Neil'")({ lastname: "O'Neil" }) // true
 */
export function parseFilter(filter: string): (row: Readonly<Record<string, unknown>>) => boolean {
  const clauses = splitAnd(filter).map(parseClause);
  return (row) =>
    clauses.every(({ column, op, value }) => {
      const actual = (row[column] ?? null) as Literal;
      if (value === null || actual === null) return op === 'eq' ? actual === value : op === 'ne' ? actual !== value : false;
      const c = compare(actual, value);
      return op === 'eq' ? c === 0 : op === 'ne' ? c !== 0 : op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
    });
}
