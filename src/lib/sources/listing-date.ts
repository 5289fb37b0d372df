const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date line of a listing: `Sep 24`, `Oct 12, 2023`, each optionally followed by the upvote count. */
export const DATE_LINE = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:, ?(\d{4}))?(?: (\d{1,7}))?$/;

/** What a date line says, before the capture year is applied. */
export interface ListingDate {
  month: number;
  day: number;
  year: number | null;
  upvotes: number | null;
}

/** Reads a date line; `null` when the line is not one (unknown month, impossible day). */
export function parseDateLine(line: string): ListingDate | null {
  const match = DATE_LINE.exec(line.trim());
  if (!match) return null;
  const [, monthName, dayText, yearText, upvotesText] = match;
  const name = monthName!.toLowerCase();
  const monthIndex = name.length === 3 || name === 'sept' ? MONTHS.indexOf(name.slice(0, 3)) : FULL_MONTHS.indexOf(name);
  if (monthIndex < 0) return null;
  const month = monthIndex + 1;
  const day = Number(dayText);
  const year = yearText ? Number(yearText) : null;
  // 29 February is accepted without a year; the year applied later decides whether it exists.
  if (day < 1 || day > daysInMonth(month, year ?? 2024)) return null;
  return { month, day, year, upvotes: upvotesText === undefined ? null : Number(upvotesText) };
}

/**
 * The ISO day of a listing date, or `null` if that day does not exist (29 February of a common year).
 * A date without a year is in the capture year — unless that would put it after the capture day: the aggregator
 * leaves the year out only for the current year, so such a date can only be last year's.
 */
export function resolveListingDate(date: Pick<ListingDate, 'month' | 'day' | 'year'>, capturedIso: string): string | null {
  let year = date.year ?? Number(capturedIso.slice(0, 4));
  if (date.year === null && toIsoDay(year, date.month, date.day) > capturedIso) year -= 1;
  return date.day <= daysInMonth(date.month, year) ? toIsoDay(year, date.month, date.day) : null;
}

function toIsoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
