import { cellPosition, parseAddress, toAddress } from "../../../address";
import { NS, WORKSHEET_ORDER } from "./constants";
import type { XmlDoc } from "./xmlDoc";
import { child, childrenNamed, createLike, descendants, insertOrdered } from "./xmlHelpers";
import type { XmlEl } from "./xmlNode";
import { attributeIn } from "./xmlText";

/** One worksheet's XML: rows and cells found or made in order, spans, dimension. */

/** A cell reference's row and column (the scanner; parseAddress's error for a bad one). */
export function cellPos(ref: string): { row: number; col: number } {
  return cellPosition(ref) ?? parseAddress(ref);
}

export function refOf(address: string): { ref: string; row: number; col: number } {
  const p = parseAddress(address);
  return { ref: toAddress(p.row, p.col), row: p.row, col: p.col };
}

export class SheetXml {
  readonly root: XmlEl;
  readonly sheetData: XmlEl;
  private readonly rows = new Map<number, XmlEl>();
  private rowNumbers: number[] = [];
  /** Where the cells are: the smallest and largest row and column (bottom 0: no cell). */
  private top = Infinity;
  private left = Infinity;
  private bottom = 0;
  private right = 0;
  cellsAdded = false;

  constructor(
    readonly doc: XmlDoc,
    readonly name: string
  ) {
    this.root = doc.root;
    if (this.root.localName !== "worksheet")
      throw new Error(`“${name}”不是普通工作表（图表工作表或对话框），无法写入单元格`);
    let sheetData = child(this.root, "sheetData");
    if (!sheetData) {
      sheetData = createLike(this.root, "sheetData");
      insertOrdered(this.root, sheetData, WORKSHEET_ORDER);
    }
    this.sheetData = sheetData;
    // rows and cells may leave out r (implied by position): make it explicit where missing; and
    // where the cells are. A row's cells are read from its text, made objects only when needed.
    let last = 0;
    for (const row of childrenNamed(sheetData, "row")) {
      const r = Number(row.getAttribute("r") ?? "") || last + 1;
      if (!row.getAttribute("r")) row.setAttribute("r", String(r));
      last = r;
      this.rows.set(r, row);
      let col = 0;
      let implied = false;
      const visit = (ref: string | null): void => {
        const p = ref ? cellPos(ref) : { row: r, col: col + 1 };
        if (!ref) implied = true;
        col = p.col;
        this.extend(p.row, p.col);
      };
      if (row.isSource && !row.kids) {
        // the cells straight from the index, without handles
        const ix = doc.index;
        const text = ix.source;
        for (let k = ix.first[row.id]; k >= 0; k = ix.next[k]) {
          const start = ix.start[k];
          const nameEnd = ix.nameEnd[k];
          const named = text.charCodeAt(nameEnd - 1) === 99; // "c", or "prefix:c"
          if (named && (nameEnd - start === 2 || text.charCodeAt(nameEnd - 2) === 58))
            visit(attributeIn(text, nameEnd, ix.attrEnd[k], "r"));
        }
      } else for (const c of childrenNamed(row, "c")) visit(c.getAttribute("r"));
      if (implied) this.fixCells(row, r);
    }
    this.rowNumbers = [...this.rows.keys()].sort((a, b) => a - b);
  }

  private extend(row: number, col: number): void {
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }

  /** Give the row's cells that leave out r (implied by position) an explicit one. */
  private fixCells(row: XmlEl, r: number): void {
    let col = 0;
    let lastRef: string | null = null; // read only when a cell after it leaves out r
    for (const c of childrenNamed(row, "c")) {
      const ref = c.getAttribute("r");
      if (ref) lastRef = ref;
      else {
        if (lastRef !== null) col = cellPos(lastRef).col;
        lastRef = null;
        col++;
        c.setAttribute("r", toAddress(r, col));
      }
    }
  }

  private row(r: number, create: boolean): XmlEl | null {
    const had = this.rows.get(r);
    if (had || !create) return had ?? null;
    const row = createLike(this.root, "row");
    row.setAttribute("r", String(r));
    // the first row numbered after r (binary search over the sorted numbers)
    const numbers = this.rowNumbers;
    let lo = 0;
    let hi = numbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    const next = lo < numbers.length ? this.rows.get(numbers[lo]) : undefined;
    if (next) this.sheetData.insertBefore(row, next);
    else this.sheetData.appendChild(row);
    this.rows.set(r, row);
    numbers.splice(lo, 0, r);
    return row;
  }

  cell(address: string, create: boolean): XmlEl | null {
    const { ref, row: r, col } = refOf(address);
    const row = this.row(r, create);
    if (!row) return null;
    let before: XmlEl | null = null;
    for (const c of childrenNamed(row, "c")) {
      const p = cellPos(c.getAttribute("r") as string);
      if (p.col === col) return c;
      if (p.col > col) {
        before = c;
        break;
      }
    }
    if (!create) return null;
    const c = createLike(this.root, "c");
    c.setAttribute("r", ref);
    const style = this.implicitStyle(row, col);
    if (style !== null) c.setAttribute("s", style);
    if (!before) before = child(row, "extLst");
    if (before) row.insertBefore(c, before);
    else row.appendChild(c);
    this.widenSpans(row, col);
    this.extend(r, col);
    this.cellsAdded = true;
    return c;
  }

  /** A cell that was not there shows the row's style, else its column's: keep that look. */
  private implicitStyle(row: XmlEl, col: number): string | null {
    if (row.getAttribute("customFormat") === "1" || row.getAttribute("customFormat") === "true") {
      const s = row.getAttribute("s");
      if (s !== null) return s;
    }
    const cols = child(this.root, "cols");
    for (const c of cols ? childrenNamed(cols, "col") : []) {
      const min = Number(c.getAttribute("min"));
      const max = Number(c.getAttribute("max"));
      if (col >= min && col <= max) return c.getAttribute("style");
    }
    return null;
  }

  private widenSpans(row: XmlEl, col: number): void {
    const spans = row.getAttribute("spans");
    if (!spans) return;
    const parts = spans
      .trim()
      .split(/\s+/)
      .map((s) => s.split(":").map(Number));
    if (parts.some(([a, b]) => col >= a && col <= b)) return;
    const lo = Math.min(col, ...parts.map(([a]) => a));
    const hi = Math.max(col, ...parts.map(([, b]) => b ?? 0));
    row.setAttribute("spans", `${lo}:${hi}`);
  }

  /** Every <f> in the sheet with shared index `si`, except the master. */
  sharedDependents(si: string, master: XmlEl): XmlEl[] {
    return descendants(this.sheetData, this.root.namespaceURI ?? NS.main, "f").filter(
      (f) => f !== master && f.getAttribute("t") === "shared" && f.getAttribute("si") === si
    );
  }

  updateDimension(): void {
    const dim = child(this.root, "dimension");
    if (!dim) return;
    const { top, left, bottom, right } = this;
    const ref =
      bottom === 0
        ? "A1"
        : top === bottom && left === right
          ? toAddress(top, left)
          : `${toAddress(top, left)}:${toAddress(bottom, right)}`;
    dim.setAttribute("ref", ref);
  }
}
