/**
 * A1 addresses as Excel writes and reads them, for the fake: "A1", "$B$2:C9", "A:C", "3:5",
 * "Sheet1!A1", "'《丰台报》相关费用'!B2:I28". Independent of src/form/grid.ts on purpose: a fake
 * that shared the host's helpers could not catch a mistake in them.
 */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const WHOLE_SHEET: Rect = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };

export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Splits "'a''b'!A1:B2" into the sheet name ("a'b") and the local part ("A1:B2"). */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i++];
    }
    if (a[i + 1] !== "!") return { sheet: null, local: a };
    return { sheet: name, local: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf("!");
  return bang < 0
    ? { sheet: null, local: a }
    : { sheet: a.slice(0, bang), local: a.slice(bang + 1) };
}

function parsePart(part: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(part.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? colNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/** A local address ("A1", "A1:B2", "A:C", "3:5") as a rectangle, or null when it is not one. */
export function parseLocal(local: string): Rect | null {
  const [a, b, extra] = local.split(":");
  if (extra !== undefined) return null;
  const p = parsePart(a);
  const q = b === undefined ? p : parsePart(b);
  if (!p || !q) return null;
  if ((p.row === null) !== (q.row === null) || (p.col === null) !== (q.col === null)) return null;
  if (b === undefined && (p.row === null || p.col === null)) return null;
  const top = p.row === null ? 1 : Math.min(p.row, q.row as number);
  const bottom = p.row === null ? MAX_ROWS : Math.max(p.row, q.row as number);
  const left = p.col === null ? 1 : Math.min(p.col, q.col as number);
  const right = p.col === null ? MAX_COLS : Math.max(p.col, q.col as number);
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLS) return null;
  return { top, left, bottom, right };
}

export function cellAddress(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Excel quotes a sheet name in an address unless it is letters, digits and underscores (or CJK). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

export function rows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function cols(r: Rect): number {
  return r.right - r.left + 1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
