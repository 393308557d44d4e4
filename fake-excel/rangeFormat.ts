/**
 * A range's format: the column width and row height, wrapping and alignment, the fill (color,
 * pattern) and the font (bold).
 */
import { columnCount as cols, rowCount as rows } from "../src/address";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeObject, type Loadable, type Scalars } from "./proxy";
import { assertWritable, READ_CELL_CAP, type RangeTarget } from "./rangeTarget";

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  get className(): string {
    return "RangeFormat";
  }

  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent, true);
  }

  protected scalars(): Scalars<RangeTarget> {
    return {
      columnWidth: {
        read: (t) => {
          const widths = new Set<number>();
          for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 100); c++)
            widths.add(t.sheet.columnWidths.get(c) ?? 48);
          return widths.size === 1 ? [...widths][0] : null;
        },
      },
    };
  }

  protected navs(): Record<string, () => Loadable> {
    return { fill: () => this.fill, font: () => this.font };
  }

  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(points: number) {
    this.act("columnWidth=", points, (t) => {
      assertWritable(t, "RangeFormat.columnWidth");
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  get fill(): FakeRangeFill {
    return this.nav("fill", () => new FakeRangeFill(this.ctx, () => this.target()));
  }

  get font(): FakeRangeFont {
    return this.nav("font", () => new FakeRangeFont(this.ctx, () => this.target()));
  }

  autofitColumns(): void {
    this.act("autofitColumns", null, (t) => assertWritable(t, "RangeFormat.autofitColumns"));
  }

  set rowHeight(points: number) {
    this.act("rowHeight=", points, (t) => {
      assertWritable(t, "RangeFormat.rowHeight");
      if (!(points >= 0 && points <= 409))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The row height ${points} is not valid.`,
          "RangeFormat.rowHeight"
        );
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, points);
    });
  }

  set wrapText(on: boolean) {
    this.act("wrapText=", on, (t) => {
      assertWritable(t, "RangeFormat.wrapText");
      t.sheet.formats.push({ rect: t.rect, wrapText: on });
    });
  }

  set verticalAlignment(v: string) {
    this.act("verticalAlignment=", v, (t) => {
      assertWritable(t, "RangeFormat.verticalAlignment");
      t.sheet.formats.push({ rect: t.rect, vertical: v });
    });
  }

  set horizontalAlignment(v: string) {
    this.act("horizontalAlignment=", v, (t) => {
      assertWritable(t, "RangeFormat.horizontalAlignment");
      t.sheet.formats.push({ rect: t.rect, horizontal: v });
    });
  }
}

const NAMED_COLORS: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  yellow: "#FFFF00",
};

function normalizeColor(color: string): string {
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  if (!m)
    throw new FakeOfficeError(
      "InvalidArgument",
      `The color '${color}' is not valid.`,
      "RangeFill.color"
    );
  return `#${m[1].toUpperCase()}`;
}

export class FakeRangeFill extends FakeObject<RangeTarget> {
  get className(): string {
    return "RangeFill";
  }

  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent, true);
  }

  private static uniform<V>(t: RangeTarget, at: (fill: string | null) => V): V | null {
    if (rows(t.rect) * cols(t.rect) > READ_CELL_CAP) return null;
    let first: { v: V } | undefined;
    for (let r = t.rect.top; r <= t.rect.bottom; r++)
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const v = at(t.sheet.get(r, c)?.fill ?? null);
        if (!first) first = { v };
        else if (first.v !== v) return null;
      }
    return first ? first.v : null;
  }

  protected scalars(): Scalars<RangeTarget> {
    return {
      // Excel reports a cell without a fill as white
      color: { read: (t) => FakeRangeFill.uniform(t, (f) => f ?? "#FFFFFF") },
      pattern: {
        read: (t) => FakeRangeFill.uniform(t, (f) => (f ? "Solid" : "None")),
        version: "1.9",
      },
    };
  }

  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.act("color=", color, (t, changes) => {
      assertWritable(t, "RangeFill.color");
      const c = normalizeColor(color);
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let k = t.rect.left; k <= t.rect.right; k++) t.sheet.ensure(r, k).fill = c;
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  get pattern(): string {
    return this.get("pattern");
  }

  clear(): void {
    this.act("clear", null, (t, changes) => {
      assertWritable(t, "RangeFill.clear");
      for (const { row, col, cell } of [...t.sheet.cellsIn(t.rect)]) {
        cell.fill = null;
        t.sheet.tidy(row, col);
      }
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }
}

export class FakeRangeFont extends FakeObject<RangeTarget> {
  get className(): string {
    return "RangeFont";
  }

  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent, true);
  }

  protected scalars(): Scalars<RangeTarget> {
    return { bold: { read: (t) => t.sheet.get(t.rect.top, t.rect.left)?.bold ?? false } };
  }

  get bold(): boolean {
    return this.get("bold");
  }
  set bold(on: boolean) {
    this.act("bold=", on, (t) => {
      assertWritable(t, "RangeFont.bold");
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          t.sheet.ensure(r, c).bold = on;
          t.sheet.tidy(r, c);
        }
    });
  }
}
