/**
 * Loading and error states every page shows the same way; errors carry the API's message and hint, since
 * those say what to do.
 *
 * @example
 * if (error) return <ErrorBox error={error} retry={reload} />;
 */
import { ApiError } from '../api.js';

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, retry }: { error: Error; retry?: () => void }) {
  const code = error instanceof ApiError ? error.code : undefined;
  const hint = error instanceof ApiError ? error.hint : undefined;
  return (
    <div class="error" role="alert">
      <p>
        <strong>{code ?? 'Error'}:</strong> {error.message}
      </p>
      {hint && <p>{hint}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A horizontally scrollable, keyboard-focusable frame for wide tables on small screens. */
export function TableFrame({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <div class="table-frame" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
