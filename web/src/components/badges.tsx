/**
 * A system chip and the provenance badge shown beside every surviving value: which system and record it came
 * from, and (tooltip, also announced to screen readers) the survivorship rule and the record's modstamp.
 *
 * @example
 * <ProvenanceBadge provenance={value.provenance} rule={value.rule} />
 */
import { formatDate, systemColor } from '../format.js';
import type { Provenance } from '../types.js';

export function SystemChip({ system }: { system: string }) {
  return (
    <span class="chip" style={{ background: systemColor(system) }}>
      {system}
    </span>
  );
}

export function ProvenanceBadge({ provenance, rule, candidates }: { provenance: Provenance; rule: string; candidates?: number }) {
  const tip = [`rule: ${rule}`, `modstamp: ${formatDate(provenance.modstamp)}`, `record: ${provenance.externalRecordId}`, ...(candidates !== undefined ? [`${candidates} record(s) had a value`] : [])].join(' · ');
  return (
    <span class="provenance" role="note" tabIndex={0} data-tip={tip} aria-label={`from ${provenance.system} record ${provenance.externalRecordId}; ${tip}`} data-system={provenance.system}>
      <span class="chip" style={{ background: systemColor(provenance.system) }} aria-hidden="true">
        {provenance.system}
      </span>
      <span class="provenance-record" aria-hidden="true">
        {provenance.externalRecordId}
      </span>
    </span>
  );
}
