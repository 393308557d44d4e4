import { columnLetters, columnNumber } from "../../../address";

/** A formula moved by (dr, dc): relative references shift, absolute ones stay (#REF! off the sheet). */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  let out = "";
  let i = 0;
  const n = formula.length;
  const word = /[A-Za-z0-9_.$\\]/;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!word.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < n && word.test(formula[j])) j++;
    const token = formula.slice(i, j);
    const nextCh = formula[j] ?? "";
    const prevCh = out[out.length - 1] ?? "";
    i = j;
    if (nextCh === "(" || nextCh === "!" || nextCh === "[") {
      out += token;
      continue;
    }
    const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(token);
    if (cell && columnNumber(cell[2]) <= 16384 && Number(cell[4]) <= 1048576) {
      let col = columnNumber(cell[2]);
      let row = Number(cell[4]);
      if (!cell[1]) col += dc;
      if (!cell[3]) row += dr;
      out +=
        col < 1 || row < 1 || col > 16384 || row > 1048576
          ? "#REF!"
          : `${cell[1]}${columnLetters(col)}${cell[3]}${row}`;
      continue;
    }
    // whole rows (3:5) and whole columns (A:C): a part next to a colon
    const rangeSide = nextCh === ":" || prevCh === ":";
    const rowOnly = /^(\$?)(\d+)$/.exec(token);
    if (rowOnly && rangeSide) {
      const row = rowOnly[1] ? Number(rowOnly[2]) : Number(rowOnly[2]) + dr;
      out += row < 1 || row > 1048576 ? "#REF!" : `${rowOnly[1]}${row}`;
      continue;
    }
    const colOnly = /^(\$?)([A-Za-z]{1,3})$/.exec(token);
    if (colOnly && rangeSide && columnNumber(colOnly[2]) <= 16384) {
      const col = colOnly[1] ? columnNumber(colOnly[2]) : columnNumber(colOnly[2]) + dc;
      out += col < 1 || col > 16384 ? "#REF!" : `${colOnly[1]}${columnLetters(col)}`;
      continue;
    }
    out += token;
  }
  return out;
}
