import { Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/case-schemas.js';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_LABELS, type RepresentativeKind } from '../../../../shared/cases/cases.js';
import { useApi } from '../../api/context.js';
import { CallDialog } from '../../ui/FormDialog.js';
import type { DialogControl } from '../../ui/useDialog.js';

interface RepresentativeDialogProps extends Omit<DialogControl, 'onDone'> {
  detail: CaseDetail;
  onDone: (message: string, updated: CaseDetail) => void;
}

/** The representative recorded after intake, e.g. the parent of a minor who writes later (§13, §14). */
export function RepresentativeDialog({ detail, onDone, ...control }: RepresentativeDialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const [kind, setKind] = useState<RepresentativeKind>(detail.representative?.kind ?? 'wettelijk_vertegenwoordiger');
  const [name, setName] = useState(detail.representative?.name ?? '');
  const [basis, setBasis] = useState(detail.representative?.basis ?? '');
  return (
    <CallDialog
      {...control}
      title={t('gates.representative.title')}
      submitLabel={t('gates.representative.save')}
      call={() => api.call('case.setRepresentative', { id: detail.id, representative: { kind, name, ...(basis.trim() ? { basis } : {}) } })}
      onDone={(updated) => onDone(t('gates.representative.saved'), updated)}
    >
      <Field label={t('gates.representative.kind')}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as RepresentativeKind)}>
          {REPRESENTATIVE_KINDS.map((k) => (
            <option key={k} value={k}>
              {REPRESENTATIVE_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('gates.representative.name')} required>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t('gates.representative.basis')}>
        <Input value={basis} onChange={(_, d) => setBasis(d.value)} />
      </Field>
    </CallDialog>
  );
}
