import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Result } from '../../../shared/api/result.js';
import { dutchToday } from '../../../shared/cases/cases.js';
import type { Role } from '../../../shared/staff/roles.js';
import { callApi, valueOf } from './api.js';

/** A made-up staff member as the tests create them. */
export interface Person {
  fullName: string;
  userName: string;
  password: string;
}

export interface StaffMember extends Person {
  id: string;
}

/** The first admin and the given staff, made through the API; returns their ids. */
export async function seedStaff<K extends string>(
  baseUrl: string,
  admin: Person,
  people: Record<K, Person & { roles: Role[] }>,
): Promise<Record<K, StaffMember>> {
  const session = valueOf(await callApi(baseUrl, 'setup.createAdmin', admin));
  const made = {} as Record<K, StaffMember>;
  for (const key of Object.keys(people) as K[]) {
    const person = people[key];
    const staff = valueOf(await callApi(baseUrl, 'staff.add', person, session.token));
    made[key] = { fullName: person.fullName, userName: person.userName, password: person.password, id: staff.id };
  }
  valueOf(await callApi(baseUrl, 'session.logout', {}, session.token));
  return made;
}

/**
 * The staff, and one access request by e-mail that intake registered for the handler and the
 * handler has taken up ("In behandeling"): where the redaction tests start.
 */
export async function seedHandlerCase<K extends string>(
  baseUrl: string,
  admin: Person,
  people: Record<K | 'intake' | 'handler', Person & { roles: Role[] }>,
  requester: { name: string; email?: string },
): Promise<{ staff: Record<K | 'intake' | 'handler', StaffMember>; caseId: string; reference: string; handlerToken: string }> {
  const staff = await seedStaff(baseUrl, admin, people);
  const intake = await tokenOf(baseUrl, people.intake);
  const input = { type: 'inzage', channel: 'email', received: dutchToday(new Date()), writtenAndSigned: true, handlerId: staff.handler.id } as const;
  const created = valueOf(await callApi(baseUrl, 'case.create', { ...input, requester: { ...requester, relation: 'huurder' } }, intake));
  const handlerToken = await tokenOf(baseUrl, people.handler);
  valueOf(await callApi(baseUrl, 'case.transition', { id: created.id, to: 'in_behandeling' }, handlerToken));
  return { staff, caseId: created.id, reference: created.reference, handlerToken };
}

/** A session token for preparing data from the test itself. */
export async function tokenOf(baseUrl: string, person: Person): Promise<string> {
  return valueOf(await callApi(baseUrl, 'session.login', { userName: person.userName, password: person.password })).token;
}

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

/**
 * Signs in through the form and waits for `screen` (its h1). Whoever has work waiting lands in
 * "Mijn werk"; for another screen the test goes on from there through the menu, as a user would.
 */
export async function signIn(page: Page, person: Person, screen: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(person.userName);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const wanted = page.getByRole('heading', { name: screen, level: 1 });
  const landing = page.getByRole('heading', { name: MY_WORK, level: 1 });
  await wanted.or(landing).first().waitFor({ timeout: 15_000 });
  if (screen !== MY_WORK && !(await wanted.isVisible())) {
    await nav(page).getByRole('button', { name: screen }).click();
    await wanted.waitFor({ timeout: 15_000 });
  }
}

/** The start page of intake, handlers, signers and the dpo. */
export const MY_WORK = 'Mijn werk';

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('contentinfo').getByRole('button', { name: 'Afmelden' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Aanmelden', level: 1 }).isVisible()).toBe(true);
}

/** Calls the API from inside the page with the page's own session, as a user could with the dev tools. */
export async function callAsPage<T = unknown>(page: Page, procedure: string, input: unknown): Promise<Result<T>> {
  const result: unknown = await page.evaluate(
    async ([name, body]) => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const stored = JSON.parse(storage.getItem('avgDesk.session') ?? '{}') as { token?: string };
      const response = await fetch(`api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stored.token ?? ''}` },
        body: JSON.stringify(body),
      });
      return (await response.json()) as unknown;
    },
    [procedure, input] as const,
  );
  return result as Result<T>;
}

/** Presses "Verzoek registreren" on a filled-in Nieuw verzoek and reads the confirmation: its text and the reference in it. */
export async function submitRequest(page: Page): Promise<{ reference: string; confirmation: string }> {
  await page.getByRole('button', { name: 'Verzoek registreren' }).click();
  await expect.poll(() => page.getByText('Verzoek geregistreerd').isVisible(), { timeout: 15_000 }).toBe(true);
  const confirmation = (await page.getByText(/^Kenmerk AVG-\d{4}-\d{4}\./u).textContent()) ?? '';
  return { confirmation, reference: /AVG-\d{4}-\d{4}/u.exec(confirmation)?.[0] ?? '' };
}

/** The work queue's grid. */
export const queueGrid = (page: Page) => page.getByRole('grid', { name: 'Werkvoorraad' });

/** Opens a case from the work queue (on screen) by its reference and waits for its page. */
export async function openFromQueue(page: Page, reference: string): Promise<void> {
  await queueGrid(page).getByRole('button', { name: reference }).click();
  await page.getByRole('heading', { name: reference, level: 1 }).waitFor();
}
