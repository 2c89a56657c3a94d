/**
 * Finds another profile to merge with: a search box (name, email, phone or id, on the server, debounced) and
 * the first matches as radio buttons. The current profile is left out.
 *
 * @example
 * <ProfilePicker exclude={profile.unifiedId} kind={profile.kind} value={other} onChange={setOther} />
 */
import { useState } from 'preact/hooks';
import { useApi, useDebounced } from '../hooks.js';
import type { Page, ProfileKind, ProfileSummary } from '../types.js';
import { ErrorBox } from './status.js';

export function ProfilePicker({ exclude, kind = 'person', value, onChange }: { exclude: string; kind?: ProfileKind; value: string; onChange: (unifiedId: string) => void }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  // Only profiles of the same kind: a person is never merged with a company.
  const found = useApi<Page<ProfileSummary>>(q ? '/api/profiles' : null, { q, kind, limit: 8 });
  const items = (found.data?.items ?? []).filter((p) => p.unifiedId !== exclude);
  return (
    <div class="picker">
      <label for="merge-find">Find the other profile</label>
      <input id="merge-find" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="Name, email, phone or id" autoComplete="off" />
      {found.error && <ErrorBox error={found.error} />}
      {q && found.data && (
        <fieldset>
          <legend>{items.length === 0 ? 'No other profile matches' : 'Merge with'}</legend>
          {items.map((p) => (
            <label key={p.unifiedId} class="check picker-option">
              <input type="radio" name="merge-with" value={p.unifiedId} checked={value === p.unifiedId} onChange={() => onChange(p.unifiedId)} />
              <span>
                <strong>{p.name ?? p.unifiedId}</strong> {p.email ?? p.website ?? p.phone ?? ''} <span class="muted">· {p.systems.join(', ')} · {p.members} record(s)</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
