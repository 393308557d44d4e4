/**
 * The fake of WPS's Range (and its Interior, Font and Comment) over fake-excel's sheet model,
 * behaving as Excel's VBA documents it: Value2 and Formula give a value for one cell and a 2-D
 * array for several; NumberFormat, Interior.Color and MergeCells give one value where every cell
 * agrees and null where they differ; MergeArea is asked of one cell. A write into a protected sheet
 * or into a hidden cell of a merged area throws.
 */
import { rectAddress, toAddress, type Rect } from "../src/address";
import {
  coerceInput,
  evaluateFormula,
  type CellModel,
  type Scalar,
  type SheetModel,
} from "../fake-excel/model";
import { XL } from "./members";
import { FakeWpsError } from "./strict";

/** What a range needs of the workbook around it (index.ts). */
export interface Book {
  range(sheet: SheetModel, rect: Rect): FakeRange;
  sheetFace(sheet: SheetModel): unknown;
  interior(range: FakeRange): unknown;
  font(range: FakeRange): unknown;
  comment(sheet: SheetModel, address: string): unknown;
  isActive(sheet: SheetModel): boolean;
  select(sheet: SheetModel, rect: Rect): void;
  /** A write happened (SheetChange, when events are on). */
  changed(sheet: SheetModel, rect: Rect): void;
  readonly userName: string;
}

type Cell = Scalar | undefined;

export class FakeRange {
  constructor(
    readonly book: Book,
    readonly sheet: SheetModel,
    readonly rect: Rect
  ) {}

  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    const abs = (a: string): string =>
      a.replace(/^([A-Z]+)(\d+)$/, `${ColumnAbsolute ? "$" : ""}$1${RowAbsolute ? "$" : ""}$2`);
    return rectAddress(this.rect).split(":").map(abs).join(":");
  }

  get Row(): number {
    return this.rect.top;
  }

  get Column(): number {
    return this.rect.left;
  }

  get Worksheet(): unknown {
    return this.book.sheetFace(this.sheet);
  }

  private single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }

  private grid<T>(read: (c: CellModel | undefined) => T): T | T[][] {
    const out: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const line: T[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) line.push(read(this.sheet.get(r, c)));
      out.push(line);
    }
    return this.single() ? out[0][0] : out;
  }

  /** One value where every cell agrees, else null (VBA's Null for a mixed range). */
  private agreed<T>(read: (c: CellModel | undefined) => T): T | null {
    let first: { v: T } | null = null;
    for (let r = this.rect.top; r <= this.rect.bottom; r++)
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        const v = read(this.sheet.get(r, c));
        if (!first) first = { v };
        else if (first.v !== v) return null;
      }
    return first ? first.v : null;
  }

  get Value2(): Cell | Cell[][] {
    return this.grid((c) => (c && c.value !== "" ? c.value : undefined));
  }

  set Value2(input: unknown) {
    this.write(input, false);
  }

  get Formula(): string | string[][] {
    return this.grid((c) => {
      if (!c) return "";
      if (c.formula) return c.formula;
      if (typeof c.value === "boolean") return c.value ? "TRUE" : "FALSE";
      return String(c.value);
    });
  }

  set Formula(input: unknown) {
    this.write(input, true);
  }

  get NumberFormat(): string | null {
    return this.agreed((c) => c?.numberFormat ?? "General");
  }

  set NumberFormat(format: unknown) {
    if (typeof format !== "string")
      throw new FakeWpsError("NumberFormat 只能写入一个格式文本（VBA 未说明可写入数组）");
    this.guard();
    this.each((cell) => (cell.numberFormat = format));
  }

  get MergeCells(): boolean | null {
    return this.mergeState();
  }

  get MergeArea(): FakeRange {
    if (!this.single()) throw new FakeWpsError("MergeArea 只能对单个单元格使用");
    const m = this.mergeOf(this.rect.top, this.rect.left);
    return this.book.range(this.sheet, m ?? this.rect) as FakeRange;
  }

  get Interior(): unknown {
    return this.book.interior(this);
  }

  get Font(): unknown {
    return this.book.font(this);
  }

  get Comment(): unknown {
    if (!this.single()) throw new FakeWpsError("Comment 只能对单个单元格使用");
    const a = toAddress(this.rect.top, this.rect.left);
    return this.sheet.notes.has(a) ? this.book.comment(this.sheet, a) : null;
  }

  AddComment(Text?: unknown): unknown {
    if (!this.single()) throw new FakeWpsError("AddComment 只能对单个单元格使用");
    this.guard();
    const a = toAddress(this.rect.top, this.rect.left);
    if (this.sheet.notes.has(a)) throw new FakeWpsError(`${a} 已有批注：AddComment 会失败`);
    this.sheet.notes.set(a, { content: String(Text ?? ""), author: this.book.userName });
    return this.book.comment(this.sheet, a);
  }

  ClearComments(): void {
    this.guard();
    for (const a of [...this.sheet.notes.keys()]) if (this.contains(a)) this.sheet.notes.delete(a);
  }

  Select(): void {
    if (!this.book.isActive(this.sheet))
      throw new FakeWpsError("Select 只能用于活动工作表上的区域（先 Activate）");
    this.book.select(this.sheet, this.rect);
  }

  // -------------------------------------------------------------------------------------------

  /** Fill colour as Interior.Color reads it (BGR; white where there is none), one for all or null. */
  fillColor(): number | null {
    return this.agreed((c) => (c?.fill ? bgrFromHex(c.fill.slice(1)) : XL.noFillColor));
  }

  /** "FFC7CE", or null for none (the model keeps "#FFC7CE"). */
  setFill(hex: string | null): void {
    this.guard();
    this.each((cell) => (cell.fill = hex === null ? null : `#${hex}`));
  }

  setBold(bold: boolean): void {
    this.guard();
    this.each((cell) => (cell.bold = bold));
  }

  guard(): void {
    if (this.sheet.protected_)
      throw new FakeWpsError(`工作表“${this.sheet.name}”受保护：不能更改其中的单元格`);
  }

  private contains(address: string): boolean {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) return false;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const row = Number(m[2]);
    const r = this.rect;
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  }

  private mergeOf(row: number, col: number): Rect | null {
    return (
      this.sheet.merges.find(
        (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
      ) ?? null
    );
  }

  private mergeState(): boolean | null {
    let merged = 0;
    let plain = 0;
    for (let r = this.rect.top; r <= this.rect.bottom; r++)
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        if (this.mergeOf(r, c)) merged++;
        else plain++;
        if (merged && plain) return null;
      }
    return merged > 0;
  }

  private each(change: (cell: CellModel) => void): void {
    for (let r = this.rect.top; r <= this.rect.bottom; r++)
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        change(this.sheet.ensure(r, c));
        this.sheet.tidy(r, c);
      }
  }

  /** Value2 / Formula written: one value for every cell, or an array of the range's shape. */
  private write(input: unknown, _formula: boolean): void {
    this.guard();
    const rows = this.rect.bottom - this.rect.top + 1;
    const cols = this.rect.right - this.rect.left + 1;
    const at = (r: number, c: number): unknown => {
      if (!Array.isArray(input)) return input;
      const line: unknown = input[r];
      if (!Array.isArray(line) || input.length !== rows || line.length !== cols)
        throw new FakeWpsError(`写入的数组不是 ${rows}×${cols}：${this.Address()}`);
      return line[c];
    };
    const planned: { r: number; c: number; v: Scalar }[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const v = at(r, c);
        const value: Scalar = v === null || v === undefined ? "" : (v as Scalar);
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
          throw new FakeWpsError(`不能写入的值：${String(v)}`);
        const row = this.rect.top + r;
        const col = this.rect.left + c;
        const m = this.mergeOf(row, col);
        if (m && (m.top !== row || m.left !== col) && value !== "")
          throw new FakeWpsError(
            `${toAddress(row, col)} 在合并区域 ${rectAddress(m)} 中且不是其左上角：不能写入`
          );
        planned.push({ r: row, c: col, v: value });
      }
    for (const p of planned) {
      const cell = this.sheet.ensure(p.r, p.c);
      // Value2 and Formula read a written text as typing alike ("=…" a formula, "98%" a number)
      const typed = coerceInput(p.v, evaluateFormula);
      Object.assign(cell, {
        value: typed.value,
        formula: typed.formula,
        quotePrefix: typed.quotePrefix,
      });
      if (typed.numberFormat && cell.numberFormat === "General")
        cell.numberFormat = typed.numberFormat;
      this.sheet.tidy(p.r, p.c);
    }
    this.book.changed(this.sheet, this.rect);
  }
}

/** "FFC7CE" (RGB) as VBA's colour number (BGR). */
export function bgrFromHex(hex: string): number {
  const n = parseInt(hex, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** VBA's colour number (BGR) as "FFC7CE". */
export function hexFromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return rgb.toString(16).toUpperCase().padStart(6, "0");
}
