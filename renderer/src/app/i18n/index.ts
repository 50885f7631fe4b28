import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { LANGUAGE } from '../../ui/language.js';
import { lettersNl, type LettersMessages } from '../../letters/letters.nl.js';
import { nl, type Messages } from './nl.js';
import { retentionNl, type RetentionMessages } from '../../retention/retention.nl.js';
import { handoverNl, type HandoverMessages } from '../../handover/handover.nl.js';
import { sourcesNl } from '../../dossier/sources.nl.js';
import { gatesNl, type GatesMessages } from '../../signing/gates.nl.js';
import { workNl, type WorkMessages } from '../../work/work.nl.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & LettersMessages & RetentionMessages & HandoverMessages & typeof sourcesNl & GatesMessages & WorkMessages };
  }
}

export { LANGUAGE };

type Plain = { readonly [key: string]: unknown };

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` with `extra` added, nested objects merged key by key (a concept's `nav` or `audit` keys extend nl.ts's). */
function merge(base: Plain, extra: Plain): Plain {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = result[key];
    result[key] = isPlain(existing) && isPlain(value) ? merge(existing, value) : value;
  }
  return result;
}

/** nl.ts with each concept's own Dutch text merged in. */
const dutch = [lettersNl, retentionNl, handoverNl, sourcesNl, gatesNl, workNl].reduce<Plain>(merge, nl);

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: LANGUAGE,
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    resources: { nl: { translation: dutch }, en: { translation: en } },
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
