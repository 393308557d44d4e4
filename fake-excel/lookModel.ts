/**
 * Cells' borders, font and alignment in the fake (CellModel.look), as Range.getCellProperties and
 * Range.setCellProperties (ExcelApi 1.9, cellLook.ts) read and write them and
 * Range.copyFrom(…, "Formats") copies them; and as loaded from ExcelJS. Only what the add-in
 * uses is modelled: the lines of a cell's four edges and two diagonals (style, color, weight; a
 * side without a line has no colour or weight of its own), the font (name, size, color, bold,
 * italic, underline), the horizontal and vertical alignment and wrap. Asking for or setting anything else fails with
 * InvalidArgument, so that a use the fake cannot answer truly shows in a test. A look equal to
 * Excel's defaults is no look: the cell is bare again.
 */
import { FakeOfficeError } from "./errors";
import type { BorderLine, CellLook, CellModel } from "./model";

const SIDES = ["top", "bottom", "left", "right", "diagonalDown", "diagonalUp"];
const LINE_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const NO_LINE: BorderLine = { style: "None", color: "#000000", weight: "Thin" };
const FONT_DEFAULTS: Readonly<Record<string, string | number | boolean>> = {
  name: "Calibri",
  size: 11,
  color: "#000000",
  italic: false,
  underline: "None",
};
const HORIZONTAL = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const ALIGNMENT_DEFAULTS = {
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
};
const FORMAT_KEYS = ["borders", "font", "horizontalAlignment", "verticalAlignment", "wrapText"];

function refuse(what: string): never {
  throw new FakeOfficeError(
    "InvalidArgument",
    `The fake does not model ${what}.`,
    "CellProperties"
  );
}

function pick<T>(
  all: Readonly<Record<string, T>>,
  wanted: Record<string, unknown>,
  what: string
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, on] of Object.entries(wanted)) {
    if (!(k in all)) refuse(`${what}.${k}`);
    if (on) out[k] = all[k];
  }
  return out;
}

/**
 * The format properties of a cell that `wanted` asks for (fill aside: range.ts answers it), in the
 * shape getCellProperties returns; an unmodelled property is refused.
 */
export function lookProperties(
  cell: CellModel | undefined,
  wanted: Record<string, unknown>
): Record<string, unknown> {
  const look = cell?.look ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, on] of Object.entries(wanted)) {
    if (key === "fill" || !on) continue;
    if (!FORMAT_KEYS.includes(key)) refuse(`CellPropertiesFormat.${key}`);
    if (key === "borders") {
      const sides: Record<string, unknown> = {};
      for (const side of SIDES)
        sides[side] = pick(
          { ...NO_LINE, ...(look.borders?.[side] ?? {}) },
          on as Record<string, unknown>,
          "borders"
        );
      out.borders = sides;
    } else if (key === "font") {
      const font = { ...FONT_DEFAULTS, ...(look.font ?? {}), bold: cell?.bold ?? false };
      out.font = pick(font, on as Record<string, unknown>, "font");
    } else {
      const k = key as keyof typeof ALIGNMENT_DEFAULTS;
      out[k] = look[k] ?? ALIGNMENT_DEFAULTS[k];
    }
  }
  return out;
}

function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value))
    throw new FakeOfficeError(
      "InvalidArgument",
      `Invalid ${what} '${String(value)}'.`,
      "CellProperties"
    );
  return value;
}

function lineOf(now: BorderLine, given: Record<string, unknown>): BorderLine {
  const line = { ...now };
  for (const [k, v] of Object.entries(given)) {
    if (k === "style") line.style = oneOf(v, LINE_STYLES, "border style");
    else if (k === "weight") line.weight = oneOf(v, WEIGHTS, "border weight");
    else if (k === "color") {
      if (typeof v !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(v))
        refuse(`the border color '${String(v)}'`);
      line.color = v.toUpperCase();
    } else refuse(`borders.${k}`);
  }
  return line.style === "None" ? NO_LINE : line;
}

/** Sets the format properties given (setCellProperties' shape) on a cell; defaults are dropped. */
export function applyLook(cell: CellModel, format: Record<string, unknown>): void {
  const now = cell.look ?? {};
  const borders: Record<string, BorderLine> = { ...(now.borders ?? {}) };
  const font: Record<string, string | number | boolean> = { ...(now.font ?? {}) };
  const next: { -readonly [K in keyof CellLook]: CellLook[K] } = { ...now };
  for (const [key, value] of Object.entries(format)) {
    if (!FORMAT_KEYS.includes(key)) refuse(`CellPropertiesFormat.${key}`);
    if (key === "borders") {
      for (const [side, given] of Object.entries(
        value as Record<string, Record<string, unknown>>
      )) {
        if (!SIDES.includes(side)) refuse(`the border side ${side}`);
        borders[side] = lineOf(borders[side] ?? NO_LINE, given);
        if (JSON.stringify(borders[side]) === JSON.stringify(NO_LINE)) delete borders[side];
      }
    } else if (key === "font") {
      for (const [k, v] of Object.entries(value as Record<string, string | number | boolean>)) {
        if (k === "bold") cell.bold = v === true;
        else if (!(k in FONT_DEFAULTS) || typeof v !== typeof FONT_DEFAULTS[k])
          refuse(`font.${k} = ${String(v)}`);
        else if (v === FONT_DEFAULTS[k]) delete font[k];
        else font[k] = v;
      }
    } else if (key === "wrapText") {
      if (typeof value !== "boolean") refuse(`wrapText = ${String(value)}`);
      next.wrapText = value;
    } else {
      const k = key as "horizontalAlignment" | "verticalAlignment";
      next[k] = oneOf(value, k === "horizontalAlignment" ? HORIZONTAL : VERTICAL, k);
    }
  }
  next.borders = Object.keys(borders).length ? borders : undefined;
  next.font = Object.keys(font).length ? font : undefined;
  for (const k of Object.keys(ALIGNMENT_DEFAULTS) as (keyof typeof ALIGNMENT_DEFAULTS)[])
    if (next[k] === ALIGNMENT_DEFAULTS[k]) next[k] = undefined;
  const kept = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
  cell.look = Object.keys(kept).length ? (kept as CellLook) : undefined;
  if (!cell.look) delete cell.look;
}

// ---------------------------------------------------------------------------------------------
// Loading: ExcelJS' border, font and alignment of a cell as the fake's look
// ---------------------------------------------------------------------------------------------

/** ExcelJS line styles as Office.js gives them: [style, weight]. */
const EXCELJS_LINES: Readonly<Record<string, [string, string]>> = {
  thin: ["Continuous", "Thin"],
  hair: ["Continuous", "Hairline"],
  medium: ["Continuous", "Medium"],
  thick: ["Continuous", "Thick"],
  dotted: ["Dot", "Thin"],
  dashed: ["Dash", "Thin"],
  mediumDashed: ["Dash", "Medium"],
  dashDot: ["DashDot", "Thin"],
  mediumDashDot: ["DashDot", "Medium"],
  dashDotDot: ["DashDotDot", "Thin"],
  mediumDashDotDot: ["DashDotDot", "Medium"],
  slantDashDot: ["SlantDashDot", "Medium"],
  double: ["Double", "Thick"],
};
const EXCELJS_HORIZONTAL: Readonly<Record<string, string>> = {
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerContinuous: "CenterAcrossSelection",
  distributed: "Distributed",
};
const EXCELJS_VERTICAL: Readonly<Record<string, string>> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
  justify: "Justify",
  distributed: "Distributed",
};

function rgb(color: unknown): string {
  const argb = (color as { argb?: string } | undefined)?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : "#000000";
}

/** The look of an ExcelJS cell's style (border, font, alignment); whether it has any border. */
export function lookFromExcelJs(style: { border?: unknown; font?: unknown; alignment?: unknown }): {
  format: Record<string, unknown>;
  bordered: boolean;
} {
  const format: Record<string, unknown> = {};
  const borders: Record<string, unknown> = {};
  const b = (style.border ?? {}) as Record<string, { style?: string; color?: unknown } | undefined>;
  for (const side of ["top", "bottom", "left", "right"]) {
    const line = b[side]?.style ? EXCELJS_LINES[b[side]?.style as string] : undefined;
    if (line) borders[side] = { style: line[0], weight: line[1], color: rgb(b[side]?.color) };
  }
  if (Object.keys(borders).length) format.borders = borders;
  const f = (style.font ?? {}) as Record<string, unknown>;
  const font: Record<string, unknown> = {};
  if (typeof f.name === "string") font.name = f.name;
  if (typeof f.size === "number") font.size = f.size;
  if (f.color) font.color = rgb(f.color);
  if (f.italic === true) font.italic = true;
  if (f.underline === true || f.underline === "single") font.underline = "Single";
  if (f.underline === "double") font.underline = "Double";
  if (Object.keys(font).length) format.font = font;
  const a = (style.alignment ?? {}) as Record<string, unknown>;
  if (typeof a.horizontal === "string" && EXCELJS_HORIZONTAL[a.horizontal])
    format.horizontalAlignment = EXCELJS_HORIZONTAL[a.horizontal];
  if (typeof a.vertical === "string" && EXCELJS_VERTICAL[a.vertical])
    format.verticalAlignment = EXCELJS_VERTICAL[a.vertical];
  if (a.wrapText === true) format.wrapText = true;
  return { format, bordered: Object.keys(borders).length > 0 };
}
