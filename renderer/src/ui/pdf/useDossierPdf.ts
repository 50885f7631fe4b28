import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result.js';
import { useApi } from '../../api/context.js';
import { openPdf, type PDFDocumentProxy } from './pdfjs.js';

export type PdfVersion = 'original' | 'redacted';

export interface DossierPdf {
  doc: PDFDocumentProxy | null;
  error: ApiError | null;
  loading: boolean;
}

/**
 * The PDF of a dossier document (original or latest redacted version), fetched through the API
 * (the read is audited) and opened by pdf.js; freed again when the screen moves on. `revision`
 * loads it anew (a new redacted version has the same document id).
 */
export function useDossierPdf(caseId: string, documentId: string | null, version: PdfVersion, revision = ''): DossierPdf {
  const api = useApi();
  const { t } = useTranslation();
  const [state, setState] = useState<{ key: string; doc: PDFDocumentProxy | null; error: ApiError | null }>({ key: '', doc: null, error: null });
  const key = `${caseId}/${documentId ?? ''}/${version}/${revision}`;

  useEffect(() => {
    if (documentId === null) return;
    let live = true;
    let destroy: (() => void) | null = null;
    void api.call('dossier.pdf', { caseId, documentId, version }).then(async (result) => {
      if (!live) return;
      if (!result.ok) {
        setState({ key, doc: null, error: result.error });
        return;
      }
      const opened = openPdf(result.value.dataBase64);
      destroy = opened.destroy;
      try {
        const doc = await opened.promise;
        if (live) setState({ key, doc, error: null });
      } catch {
        if (live) setState({ key, doc: null, error: { code: 'INTERNAL', message: t('viewer.unreadable') } });
      }
    });
    return () => {
      live = false;
      destroy?.();
    };
  }, [api, caseId, documentId, version, key, t]);

  const current = state.key === key;
  return { doc: current ? state.doc : null, error: current ? state.error : null, loading: documentId !== null && !current };
}
