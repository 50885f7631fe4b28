import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { LANGUAGE } from '../../ui/language.js';
import { merge, withLetters, type LettersMessages } from '../../letters/letters.nl.js';
import { nl, type Messages } from './nl.js';
import { withRetention, type RetentionMessages } from '../../retention/retention.nl.js';
import { withHandover, type HandoverMessages } from '../../handover/handover.nl.js';
import { sourcesNl } from '../../dossier/sources.nl.js';
import { withGates, type GatesMessages } from '../../signing/gates.nl.js';
import { withWork, type WorkMessages } from '../../work/work.nl.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & LettersMessages & RetentionMessages & HandoverMessages & typeof sourcesNl & GatesMessages & WorkMessages };
  }
}

export { LANGUAGE };

/** The messages with `extra` added, nested objects merged key by key. */
function withMessages<T extends object, E extends object>(messages: T, extra: E): T & E {
  return merge(messages as Readonly<Record<string, unknown>>, extra as Readonly<Record<string, unknown>>) as T & E;
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: LANGUAGE,
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    resources: { nl: { translation: withWork(withGates(withMessages(withHandover(withRetention(withLetters(nl))), sourcesNl))) }, en: { translation: en } },
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
