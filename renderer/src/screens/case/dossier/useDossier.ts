import { useCallback, useEffect, useState } from 'react';
import type { ProcedureOutput } from '../../../../../shared/api/contract.js';
import type { DocumentView } from '../../../../../shared/api/dossier-schemas.js';
import type { ApiError } from '../../../../../shared/api/result.js';
import { useApi } from '../../../api/context.js';

export type ThirdPartyView = ProcedureOutput<'thirdParty.list'>[number];

interface Loaded<T> {
  value: T | null;
  error: ApiError | null;
  reload: () => Promise<void>;
}

function useLoaded<T>(load: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    const result = await load();
    if (result.ok) {
      setValue(result.value);
      setError(null);
    } else setError(result.error);
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}

/** The documents of a case, in the order they came in. */
export function useDocuments(caseId: string): Loaded<DocumentView[]> {
  const api = useApi();
  return useLoaded(useCallback(() => api.call('dossier.list', { caseId }), [api, caseId]));
}

/** The third-party register of a case. */
export function useThirdParties(caseId: string): Loaded<ThirdPartyView[]> {
  const api = useApi();
  return useLoaded(useCallback(() => api.call('thirdParty.list', { caseId }), [api, caseId]));
}

export interface DocumentRow {
  document: DocumentView;
  /** The e-mail an attachment came with. */
  parent: DocumentView | null;
}

/** Documents in list order: each e-mail followed by its attachments. */
export function documentTree(documents: readonly DocumentView[]): DocumentRow[] {
  const known = new Set(documents.map((d) => d.id));
  const rows: DocumentRow[] = [];
  const add = (document: DocumentView, parent: DocumentView | null) => {
    rows.push({ document, parent });
    for (const child of documents.filter((d) => d.parentId === document.id)) add(child, document);
  };
  for (const document of documents.filter((d) => d.parentId === null || !known.has(d.parentId))) add(document, null);
  return rows;
}
