import type { Messages } from './nl.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * English, for when the app gets a language choice. Not shown yet: Dutch is the only language the
 * privacy team uses, and missing keys fall back to Dutch.
 */
export const en: DeepPartial<Messages> = {
  app: { name: 'AVG Desk', organisation: 'Privacy team', loading: 'Starting AVG Desk…' },
  login: {
    title: 'Sign in',
    intro: 'Sign in with your AVG Desk account.',
    userName: 'User name',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    signedOut: 'You have signed out.',
  },
  nav: { label: 'Main menu', start: 'Start', audit: 'Audit', admin: 'Administration', account: 'My account' },
  status: { label: 'Status bar', signedInAs: 'Signed in as', roles: 'Roles', signOut: 'Sign out' },
};
