import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { LETTER_KIND_LABELS } from '../../../shared/letters/types.js';
import { useApi } from '../api/context.js';
import { DetailList } from '../ui/DetailList.js';
import { CallDialog } from '../ui/FormDialog.js';
import type { DialogControl } from '../ui/useDialog.js';
import type { LetterDetail } from '../letters/letterTypes.js';

export type Signed = ProcedureOutput<'letter.sign'>;

/**
 * The last look before a signature that cannot be undone: what is signed (kind, case, addressee,
 * pages, the function under the signer's name) and the signer's password once more. Without a
 * function the dialog says where to fill it in; the backend refuses such a signature as well.
 */
export function SignDialog({ letter, ...control }: { letter: LetterDetail } & DialogControl<Signed>) {
  const api = useApi();
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [functionTitle, setFunctionTitle] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let live = true;
    void api.call('signer.getProfile', {}).then((result) => {
      if (!live) return;
      setFunctionTitle(result.ok ? (result.value?.functionTitle.trim() ?? '') : '');
    });
    return () => {
      live = false;
    };
  }, [api]);

  const noFunction = functionTitle === '';
  const { addressee } = letter.content;
  return (
    <CallDialog
      {...control}
      title={t('signing.signDialog.title')}
      submitLabel={t('signing.signDialog.submit')}
      call={() => {
        if (noFunction || functionTitle === null) return null;
        if (password === '') {
          setMissing(true);
          return null;
        }
        return api.call('letter.sign', { letterId: letter.id, password });
      }}
    >
      <Text>{t('signing.signDialog.text')}</Text>
      <DetailList
        items={[
          { term: t('signing.signDialog.kind'), value: LETTER_KIND_LABELS[letter.kind] },
          { term: t('signing.signDialog.case'), value: letter.caseReference },
          { term: t('signing.signDialog.addressee'), value: [addressee.name, ...addressee.lines].join('\n') },
          { term: t('signing.signDialog.pages'), value: t('signing.signDialog.pageCount', { count: letter.pages }) },
          { term: t('signing.signDialog.function'), value: functionTitle === null ? <Spinner size="extra-tiny" /> : functionTitle || t('common.none') },
        ]}
      />
      {noFunction ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('signing.signDialog.noFunctionTitle')}</MessageBarTitle>
            {t('signing.signDialog.noFunction')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Field
          label={t('signing.signDialog.password')}
          required
          validationMessage={missing && password === '' ? t('signing.signDialog.passwordMissing') : null}
        >
          <Input type="password" autoComplete="current-password" autoFocus value={password} onChange={(_, d) => setPassword(d.value)} />
        </Field>
      )}
    </CallDialog>
  );
}
