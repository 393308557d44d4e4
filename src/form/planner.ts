/**
 * The edits planned for one form on its sheet, one cell at a time: a number only where the
 * template has one (never over a formula, text or a shifted row), text only in an empty cell, the
 * add-in's lines added below a person's own note, the fill of the most severe prompt.
 */
import type Decimal from "decimal.js";
import { parseAddress, toAddress } from "../address";
import { readPrinted } from "../engine/agree";
import { plain } from "../engine/decimal";
import { cellText, stripSpace } from "../engine/text";
import type { CellScalar, Severity } from "../engine/types";
import type { Grid } from "./grid";
import { cellState } from "./ledger";
import { distinctLines, keptSentence } from "./layout/noteText";
import { NOTE_MARK, SEVERITY_FILL, type CellState } from "./writePlan";

/** A number a person typed (9, "8.8", "99.79分"), which a disagreeing computed value may replace. */
function isNumberLike(value: CellScalar): boolean {
  if (value === null || value === "") return true;
  if (typeof value === "number") return true;
  return typeof value === "string" && readPrinted(value) !== null;
}

export function isBlank(value: CellScalar): boolean {
  return value === null || stripSpace(cellText(value)) === "";
}

export function toNumber(d: Decimal): number {
  // the host boundary: Excel stores doubles; the decimal string is exact to the profile's decimals
  return Number(plain(d));
}

const GENERAL = "General";
/** How far up and down a column the neighbours of a written number are looked for. */
const NEIGHBOUR_ROWS = 4;

/**
 * A written number in the format of its column's neighbours (10.00 beside 10.00, not 10): where
 * the cell itself is General, and for a rate the neighbours' percent format over the default
 * 0.00%. A cell with its own format keeps it.
 */
function inColumnFormat(
  set: Partial<CellState>,
  now: CellState,
  neighbours: string | null
): Partial<CellState> {
  if (!neighbours || typeof set.value !== "number") return set;
  const own = !now.numberFormat || now.numberFormat === GENERAL;
  const rate = set.numberFormat !== undefined && set.numberFormat?.includes("%");
  if (rate && own && neighbours.includes("%")) return { ...set, numberFormat: neighbours };
  if (!rate && own && set.numberFormat === undefined && !/%|[yYmd]/.test(neighbours))
    return { ...set, numberFormat: neighbours };
  return set;
}

export interface Planned {
  set: Partial<CellState>;
  why: string[];
  style?: { like: string };
}

export class Planner {
  readonly edits = new Map<string, Planned>();
  readonly skipped: string[] = [];

  constructor(
    readonly grid: Grid,
    readonly shiftedRows: ReadonlySet<number>
  ) {}

  state(address: string): CellState {
    return cellState(this.grid, address);
  }

  private merge(address: string, set: Partial<CellState>, why: string): void {
    const had = this.edits.get(address);
    if (had) {
      had.set = { ...had.set, ...set };
      had.why.push(why);
    } else this.edits.set(address, { set, why: [why] });
  }

  /** Write a number where the template has the cell: never over a formula, text or a shifted row. */
  number(
    address: string | undefined,
    value: Decimal | null,
    why: string,
    explain: string,
    format?: (now: CellState) => Partial<CellState>,
    computed?: Decimal | null
  ): void {
    if (!address || value === null) return;
    const now = this.state(address);
    if (this.shiftedRows.has(parseAddress(address).row)) return;
    if (now.formula) {
      this.note(
        address,
        `${why}：公式单元格不改写；规则计算值为 ${plain(value)}（${explain}）`,
        null
      );
      return;
    }
    if (!isNumberLike(now.value)) {
      this.skipped.push(
        `${this.grid.sheet}!${address} 已有文字“${cellText(now.value).trim()}”，未写入${why} ${plain(value)}`
      );
      return;
    }
    const set = inColumnFormat(
      format ? format(now) : { value: toNumber(value) },
      now,
      this.neighbourFormat(address)
    );
    // a printed number that agrees stays as the person typed it (9.84, "99.79分")
    const printed = readPrinted(now.value, now.numberFormat ?? undefined);
    const same = !format && printed !== null && printed.value.equals(value);
    if (!same) this.merge(address, set, why);
    this.note(address, `${why}：${explain}`, null);
    // the note shows a computed value other than the cell's: say why the cell keeps its own
    if (same && printed && computed && !computed.equals(printed.value))
      this.note(address, keptSentence(printed, computed), null);
  }

  /**
   * The number format the numbers next to a cell in its column share (up to two each side, the
   * nearest first, text and empty cells passed over), or null when they differ or are General.
   */
  neighbourFormat(address: string): string | null {
    const p = parseAddress(address);
    const formats = new Set<string>();
    for (const step of [-1, 1]) {
      let found = 0;
      for (let d = 1; d <= NEIGHBOUR_ROWS && found < 2; d++) {
        if (p.row + step * d < 1) break;
        const c = this.state(toAddress(p.row + step * d, p.col));
        if (typeof c.value !== "number" || c.formula) continue;
        formats.add(c.numberFormat || GENERAL);
        found++;
      }
    }
    const [only] = formats;
    return formats.size === 1 && only !== GENERAL ? only : null;
  }

  /** The cell holds, or is planned to hold, a number (a number format shows on it). */
  numeric(address: string): boolean {
    const planned = this.edits.get(address)?.set;
    if (planned && "value" in planned) return typeof planned.value === "number";
    const now = this.state(address);
    return typeof now.value === "number" && !now.formula;
  }

  /** Draw a cell like another (a row the add-in adds to a table gets the table's borders and font). */
  styleLike(address: string, like: string): void {
    const had = this.edits.get(address);
    if (had) had.style = { like };
    else this.edits.set(address, { set: {}, why: ["表格样式"], style: { like } });
  }

  /** A plain number typed as text ("99.90"), with its decimals; null for anything else. */
  numericText(address: string): { value: number; decimals: number } | null {
    if (this.edits.get(address)?.set.value !== undefined) return null;
    const now = this.state(address);
    const m =
      typeof now.value === "string" && !now.formula
        ? /^\s*(\d+(?:\.(\d+))?)\s*$/.exec(now.value)
        : null;
    return m ? { value: Number(m[1]), decimals: m[2]?.length ?? 0 } : null;
  }

  /** Write a number with its format (the number the cell already shows). */
  setNumber(address: string, value: number, numberFormat: string, why: string): void {
    this.merge(address, { value, numberFormat }, why);
  }

  /** Set a cell's number format (its value is left as it is). */
  format(address: string, numberFormat: string, why: string): void {
    this.merge(address, { numberFormat }, why);
  }

  text(address: string, value: string, why: string): boolean {
    const now = this.state(address);
    if (now.formula || (!isBlank(now.value) && cellText(now.value).trim() !== value)) {
      this.skipped.push(`${this.grid.sheet}!${address} 已有内容，未写入${why}“${value}”`);
      return false;
    }
    if (cellText(now.value).trim() !== value) this.merge(address, { value }, why);
    return true;
  }

  /** Add the add-in's lines to a cell's note (after the person's own note, which is kept). */
  note(address: string, line: string, severity: Severity | null): void {
    const had = this.edits.get(address);
    const mine = had?.set.note ? (had.set.note.split(`${NOTE_MARK}\n`)[1] ?? "") : "";
    // the person's own note is what stands before the add-in's mark (a scored copy read back
    // without its ledger still carries the add-in's lines: they are not the person's)
    const personal = this.state(address).note?.split(NOTE_MARK)[0].trimEnd() || null;
    // no sentence twice: a line already in the add-in's part of the note is not added again
    if (mine.split("\n").includes(line) && !severity) return;
    const body = mine ? distinctLines([...mine.split("\n"), line]).join("\n") : line;
    const note = personal ? `${personal}\n${NOTE_MARK}\n${body}` : `${NOTE_MARK}\n${body}`;
    const set: Partial<CellState> = { note };
    if (severity) {
      const current = had?.set.fill;
      const rank = (f: string | null | undefined): number =>
        f === SEVERITY_FILL.error
          ? 3
          : f === SEVERITY_FILL.warning
            ? 2
            : f === SEVERITY_FILL.info
              ? 1
              : 0;
      const fill = SEVERITY_FILL[severity];
      if (rank(fill) > rank(current)) Object.assign(set, { fill });
    }
    this.merge(address, set, severity ? "提示" : "说明");
  }
}
