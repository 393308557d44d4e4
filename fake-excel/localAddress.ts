/** Local cell addresses ("H6", no sheet) as the fake's models key notes and comments by them. */
import {
  toAddress as cellAddress,
  columnNumber as colNumber,
  readRange as parseLocal,
} from "../src/address";

/** A local cell address to row/col, or null. */
export function cellPosition(local: string): { row: number; col: number } | null {
  const r = parseLocal(local);
  return r && r.top === r.bottom && r.left === r.right ? { row: r.top, col: r.left } : null;
}

export function normalizeLocal(local: string): string | null {
  const p = cellPosition(local);
  return p ? cellAddress(p.row, p.col) : null;
}

export { colNumber };
