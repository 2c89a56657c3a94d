/**
 * `Result<T, E>` for operations where partial failure is normal (per-record validation, vendor batch
 * responses). Bugs still throw.
 *
 * @example
 * const r = parseAge('x'); if (!r.ok) deadLetter(r.error);
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
