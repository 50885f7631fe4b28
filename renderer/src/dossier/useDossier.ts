import { useCallback } from 'react';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { DocumentView } from '../../../shared/dossier/dossier-schemas.js';
import { useApi } from '../api/context.js';
import { useLoaded, type Loaded } from '../ui/useLoaded.js';

export type ThirdPartyView = ProcedureOutput<'thirdParty.list'>[number];

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
