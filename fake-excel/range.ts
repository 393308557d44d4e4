/**
 * A range: its address and size, values, formulas, number formats and text (2-D, the shape of the
 * range), clear, select, merge and its merged areas, and the per-cell properties (getCellProperties).
 */
import {
  columnCount as cols,
  qualified,
  rectAddress,
  rowCount as rows,
  type Rect,
} from "../src/address";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import { ACTION_BYTES, jsonBytes } from "./host";
import { lookProperties } from "./lookModel";
import { coerceInput, displayText, evaluateFormula, type Scalar } from "./model";
import { FakeClientResult, FakeObject, type Loadable, type Scalars } from "./proxy";
import { FakeRangeAreas } from "./rangeAreas";
import { FakeRangeFormat } from "./rangeFormat";
import {
  assertNotHiddenByMerge,
  assertWritable,
  checkLimits,
  READ_CELL_CAP,
  shapeOf,
  type RangeTarget,
} from "./rangeTarget";
import { FakeWorksheet } from "./worksheet";

export class FakeRange extends FakeObject<RangeTarget> {
  get className(): string {
    return "Range";
  }

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  private static grid<V>(t: RangeTarget, at: (row: number, col: number) => V): V[][] {
    const n = rows(t.rect) * cols(t.rect);
    if (n > READ_CELL_CAP)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit. (${n} cells)`,
        "Range"
      );
    const out: V[][] = [];
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      const line: V[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) line.push(at(r, c));
      out.push(line);
    }
    return out;
  }

  protected scalars(): Scalars<RangeTarget> {
    return {
      address: { read: (t) => qualified(t.sheet.name, t.rect) },
      addressLocal: { read: (t) => rectAddress(t.rect) },
      rowCount: { read: (t) => rows(t.rect) },
      columnCount: { read: (t) => cols(t.rect) },
      cellCount: { read: (t) => rows(t.rect) * cols(t.rect) },
      rowIndex: { read: (t) => t.rect.top - 1 },
      columnIndex: { read: (t) => t.rect.left - 1 },
      values: { read: (t) => FakeRange.grid(t, (r, c) => t.sheet.get(r, c)?.value ?? "") },
      formulas: {
        read: (t) =>
          FakeRange.grid(t, (r, c) => {
            const cell = t.sheet.get(r, c);
            return cell ? (cell.formula ?? cell.value) : "";
          }),
      },
      numberFormat: {
        read: (t) => FakeRange.grid(t, (r, c) => t.sheet.get(r, c)?.numberFormat ?? "General"),
      },
      text: {
        read: (t) =>
          FakeRange.grid(t, (r, c) => {
            const cell = t.sheet.get(r, c);
            return cell ? displayText(cell.value, cell.numberFormat) : "";
          }),
      },
    };
  }

  protected navs(): Record<string, () => Loadable> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get text(): string[][] {
    return this.get("text");
  }

  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(input: Scalar[][]) {
    this.write("values", input);
  }

  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(input: Scalar[][]) {
    this.write("formulas", input);
  }

  private write(kind: "values" | "formulas", input: unknown): void {
    this.act(`${kind}=`, input, (t, changes) => {
      assertWritable(t, `Range.${kind}`);
      const grid = shapeOf(input, t.rect, `Range.${kind}`);
      grid.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null || v === undefined) return;
          const row = t.rect.top + i;
          const col = t.rect.left + j;
          checkLimits(v, `Range.${kind}`);
          assertNotHiddenByMerge(t, row, col, v, `Range.${kind}`);
          const cell = t.sheet.ensure(row, col);
          const c = coerceInput(v, evaluateFormula);
          cell.value = c.value;
          cell.formula = c.formula;
          cell.quotePrefix = c.quotePrefix;
          if (c.numberFormat && cell.numberFormat === "General") cell.numberFormat = c.numberFormat;
          t.sheet.tidy(row, col);
        })
      );
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(input: string[][]) {
    this.act("numberFormat=", input, (t, changes) => {
      assertWritable(t, "Range.numberFormat");
      const grid = shapeOf(input, t.rect, "Range.numberFormat");
      grid.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null || v === undefined) return;
          const row = t.rect.top + i;
          const col = t.rect.left + j;
          t.sheet.ensure(row, col).numberFormat = String(v);
          t.sheet.tidy(row, col);
        })
      );
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.ctx, () => this.target()));
  }

  get worksheet(): FakeWorksheet {
    return this.nav(
      "worksheet",
      () => new FakeWorksheet(this.ctx, () => this.target()?.sheet ?? null, false)
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.act("clear", applyTo, (t, changes) => {
      assertWritable(t, "Range.clear");
      for (const { row, col, cell } of [...t.sheet.cellsIn(t.rect)]) {
        if (applyTo !== "Formats") {
          cell.value = "";
          cell.formula = null;
          cell.quotePrefix = false;
        }
        if (applyTo !== "Contents") {
          cell.numberFormat = "General";
          cell.fill = null;
          cell.bold = false;
        }
        t.sheet.tidy(row, col);
      }
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  select(): void {
    const doc = this.ctx.host.doc;
    this.act("select", null, (t) => {
      if (t.sheet.visibility !== "Visible")
        throw new FakeOfficeError(
          "InvalidSelection",
          "The current selection is invalid for this operation.",
          "Range.select"
        );
      doc.activeSheetId = t.sheet.id;
      doc.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }

  /** Range.merge (ExcelApi 1.2): one merged area, or one a row with `across`. */
  merge(across = false): void {
    this.ctx.requires("1.2", "Range.merge");
    this.act("merge", across, (t) => {
      assertWritable(t, "Range.merge");
      const areas = across
        ? Array.from({ length: rows(t.rect) }, (_, i) => ({
            ...t.rect,
            top: t.rect.top + i,
            bottom: t.rect.top + i,
          }))
        : [t.rect];
      const overlaps = (a: Rect, b: Rect): boolean =>
        a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
      t.sheet.merges = [
        ...t.sheet.merges.filter((m) => !areas.some((a) => overlaps(a, m))),
        ...areas.filter((a) => a.left !== a.right || a.top !== a.bottom),
      ];
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requires("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const t = this.need();
        const inside = t.sheet.merges.filter(
          (m) =>
            m.top >= t.rect.top &&
            m.top <= t.rect.bottom &&
            m.left >= t.rect.left &&
            m.left <= t.rect.right
        );
        if (inside.length > 512)
          throw new FakeOfficeError(
            "GeneralException",
            "There are more than 512 merged areas in the range.",
            "Range.getMergedAreasOrNullObject"
          );
        return inside.length ? { sheet: t.sheet, rects: inside } : null;
      },
      true
    );
  }

  getCellProperties(options: {
    format?: { fill?: { color?: boolean; pattern?: boolean } } & Record<string, unknown>;
    address?: boolean;
  }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>(this.ctx, "Range.getCellProperties");
    if (!this.ctx.requires("1.9", "Range.getCellProperties")) return result;
    this.ctx.queue({
      label: "Range.getCellProperties",
      request: ACTION_BYTES + jsonBytes(options),
      run: () => {
        const t = this.need();
        const props = FakeRange.grid(t, (r, c) => {
          const cell = t.sheet.get(r, c);
          const out: Record<string, unknown> = {};
          if (options.address)
            out.address = qualified(t.sheet.name, { top: r, left: c, bottom: r, right: c });
          const fill = options.format?.fill;
          if (fill) {
            const f: Record<string, unknown> = {};
            if (fill.color) f.color = cell?.fill ?? "#FFFFFF";
            if (fill.pattern) f.pattern = cell?.fill ? "Solid" : "None";
            out.format = { fill: f };
          }
          // borders, font, alignment (cellLook.ts)
          if (options.format)
            out.format = { ...(out.format ?? {}), ...lookProperties(cell, options.format) };
          return out;
        });
        return { response: jsonBytes(props), commit: () => result.set(props) };
      },
    });
    return result;
  }
}
