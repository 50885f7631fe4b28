/** Dutch is the default and, for now, the only language shown; English is ready for later. */
export const LANGUAGE = 'nl';
