/**
 * A form's total printed outside a 总分 row (domain §9): a label cell above the table with the number
 * beside it (自评得分 | 98), or a text naming it (the title line …项目总得分99分, a sentence under the
 * table 得分合计100。). Read as the cell it stands in and the number it prints; the add-in checks it
 * and never edits the text.
 */
import { cellText, normalizeHeader, stripSpace } from "../engine/text";
import type { Cell } from "../engine/types";
import type { SheetView } from "./sheetView";
import { TOTAL_IN_TEXT, remembered } from "./vocabulary";

const LABELS = TOTAL_IN_TEXT.map(normalizeHeader);
const IN_TEXT = new RegExp(`(?:${LABELS.join("|")})[:为是]?(\\d+(?:\\.\\d+)?)分?`);
const NUMBER = /^\d+(\.\d+)?分?$/;
/** The number a text names as the total, null for none (remembered: a sheet repeats its texts). */
const totalInText = remembered((t: string): number | null => {
  const m = IN_TEXT.exec(t);
  return m ? Number(m[1]) : null;
});

/** The printed total in rows from..to (above or below the indicator table), undefined for none. */
export function printedTotalIn(v: SheetView, from: number, to: number): Cell | undefined {
  for (let row = from; row <= to; row++)
    for (let col = v.left; col <= v.right; col++) {
      if (typeof v.raw(row, col) !== "string") continue;
      const t = v.norm(row, col);
      if (t === "") continue;
      if (LABELS.includes(t)) {
        const at = v.valueRightOf(row, col, 3);
        if (!at) continue;
        const value = stripSpace(cellText(v.raw(at.row, at.col)));
        if (NUMBER.test(value)) return v.cell(at.row, at.col);
        continue;
      }
      const n = totalInText(t);
      if (n !== null) return { address: v.cell(row, col).address, value: n };
    }
  return undefined;
}
