/**
 * A one-shot message for the next page: set before navigating (a merge that lands on the surviving
 * profile), taken once by the page that shows it.
 *
 * @example
 * setFlash('Merged: the profile now has 3 records.');
 * window.location.hash = '#/profiles/survivor';
 * // on the new page: const message = takeFlash();
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
