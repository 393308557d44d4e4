/** Dates and deadlines written in a cell (2023年12月31日, 2023年1-12月, 12月底), as calendar days. */

/** A calendar day; year null for 当年12月底 / 12月底. */
export interface Day {
  readonly y: number | null;
  readonly m: number;
  readonly d: number;
}

const LAST_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function lastDay(y: number | null, m: number): number {
  if (m === 2 && y !== null) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return LAST_DAY[m - 1] ?? 31;
}

interface DateHit {
  readonly day: Day;
  readonly start: number;
  readonly end: number;
}

const DATE_PATTERNS: readonly { re: RegExp; day: (m: RegExpExecArray) => Day | null }[] = [
  // 2023年1月1日-2023年12月31日 is two hits of the next pattern; ranges end on the later one.
  // (2023年1-12月 is a month range below, not the 12th of January)
  {
    re: /(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})(?![\d月])[日号]?/g,
    day: (m) => ({ y: +m[1], m: +m[2], d: +m[3] }),
  },
  // 2023年1-12月, 2022年9月至12月 → the end month's last day
  {
    re: /(\d{4})年(\d{1,2})月?(?:-|—|~|至|到)(\d{1,2})月/g,
    day: (m) => ({ y: +m[1], m: +m[3], d: lastDay(+m[1], +m[3]) }),
  },
  {
    re: /(\d{4})年(\d{1,2})月(?:底|末|份)?/g,
    day: (m) => ({ y: +m[1], m: +m[2], d: lastDay(+m[1], +m[2]) }),
  },
  { re: /(\d{4})年(?:底|末|内|年底)/g, day: (m) => ({ y: +m[1], m: 12, d: 31 }) },
  {
    re: /(?:当年|本年|年内)?(\d{1,2})月(\d{1,2})[日号]/g,
    day: (m) => ({ y: null, m: +m[1], d: +m[2] }),
  },
  {
    re: /(?:当年|本年)?(\d{1,2})月(?:底|末|份)/g,
    day: (m) => ({ y: null, m: +m[1], d: lastDay(null, +m[1]) }),
  },
];

const MAY_HOLD_DATE = /\d[年月.\-/]/;

/** Every date in a text, longest patterns first, with where it stands (to blank it out). */
export function findDates(s: string): DateHit[] {
  const hits: DateHit[] = [];
  if (!MAY_HOLD_DATE.test(s)) return hits;
  const taken: boolean[] = new Array<boolean>(s.length).fill(false);
  for (const { re, day } of DATE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      let overlaps = false;
      for (let i = start; i < end && !overlaps; i++) overlaps = taken[i];
      if (overlaps) continue;
      const d = day(m);
      if (!d || d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      hits.push({ day: d, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Order of two days; a day without a year takes the other's year. */
export function compareDays(a: Day, b: Day): number {
  const ya = a.y ?? b.y ?? 0;
  const yb = b.y ?? a.y ?? 0;
  return ya !== yb ? ya - yb : a.m !== b.m ? a.m - b.m : a.d - b.d;
}
