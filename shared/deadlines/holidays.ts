import Holidays from 'date-holidays';
import type { IsoDate } from './dates.js';

/**
 * The days on which a period does not end (Regulation 1182/71 art. 3(4)): Saturdays, Sundays and
 * the Dutch public holidays. Which holidays count is a choice, taken from the Algemene termijnenwet
 * (art. 3), the list Dutch deadline practice uses: Nieuwjaarsdag, tweede paasdag, Hemelvaartsdag,
 * tweede pinksterdag, eerste en tweede kerstdag, Koningsdag (26 April when the 27th is a Sunday) and
 * 5 mei (Bevrijdingsdag, every year). Goede Vrijdag is not on that list and does not count.
 * date-holidays supplies the dates; it marks Bevrijdingsdag as a school holiday, so it is added here.
 */
const nl = new Holidays('NL');
const cache = new Map<number, Map<IsoDate, string>>();

export function dutchPublicHolidays(year: number): Map<IsoDate, string> {
  let days = cache.get(year);
  if (!days) {
    days = new Map();
    for (const h of nl.getHolidays(year)) {
      const date = h.date.slice(0, 10);
      if (h.type === 'public' || date.endsWith('-05-05')) days.set(date, h.name);
    }
    cache.set(year, days);
  }
  return days;
}

export function holidayName(date: IsoDate): string | undefined {
  return dutchPublicHolidays(Number(date.slice(0, 4))).get(date);
}
