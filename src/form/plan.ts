import type Decimal from "decimal.js";
import { readPrinted } from "../engine/agree";
import { plain } from "../engine/decimal";
import { isProfileId, PROFILES } from "../engine/profiles";
import { cellText, stripSpace } from "../engine/text";
import type { CellScalar, Form, FormResult, Prompt, Severity } from "../engine/types";
import { parseAddress, toAddress, type Grid } from "./grid";
import { formColumns, gradeFormat, gradePlace } from "./layout/gradePlace";
import { distinctLines, keptSentence } from "./layout/noteText";

/**
 * The write-back plan (domain §8): from a scored form to the list of cell edits a host applies,
 * with the previous state of every cell it touches. Pure. The ledger records what the add-in
 * wrote (cell and a hash of the written fields), so that re-scoring knows its own cells and a
 * cell a person has edited since is theirs again.
 */
export interface CellState {
  readonly value: CellScalar;
  readonly formula: string | null;
  readonly numberFormat: string | null;
  readonly note: string | null;
  readonly fill: string | null;
  /** The cell's look (Grid.looks), where the host has it: taken back by 撤销 after a style copy. */
  readonly look?: string | null;
}

export type CellField = keyof CellState;

export interface CellEdit {
  readonly sheet: string;
  readonly address: string;
  /** The fields to set; a field left out is left as it is. */
  readonly set: Partial<CellState>;
  /** Why (for the task pane and tests): "得分", "执行率", "提示" … */
  readonly why: string;
  /**
   * Draw the cell like cell `like` of the same sheet (its border, font, alignment: what the add-in
   * adds to a table looks part of it); the number format and fill of `set` still apply on top.
   */
  readonly style?: { readonly like: string };
}

export interface LedgerEntry {
  readonly sheet: string;
  readonly address: string;
  /** The fields the add-in wrote, and a hash of what it wrote there. */
  readonly fields: readonly CellField[];
  readonly hash: string;
  /** The cell as the person left it. */
  readonly before: CellState;
}

export interface WritePlan {
  readonly edits: readonly CellEdit[];
  /** The ledger after the plan is applied (entries of other forms and sheets are kept by the caller). */
  readonly ledger: readonly LedgerEntry[];
  /** What could not be written, in Chinese, naming the cell. */
  readonly skipped: readonly string[];
}

export interface PlanOptions {
  /** 规则 option: write the prompt text into an empty 偏差原因 cell (off by default). */
  readonly promptTextInReasonCells?: boolean;
}

/** Fill colours by severity: Excel's own "bad", "neutral" and a light blue. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

export const NOTE_MARK = "【绩效自评】";

/** The state of a cell in a grid (outside the used range: empty). */
export function cellState(grid: Grid, address: string): CellState {
  const origin = parseAddress(grid.origin || "A1");
  const p = parseAddress(address);
  const r = p.row - origin.row;
  const c = p.col - origin.col;
  const value = grid.values[r]?.[c];
  return {
    value: value === undefined || value === "" ? null : value,
    formula: grid.formulas?.[r]?.[c] || null,
    numberFormat: grid.numberFormats?.[r]?.[c] || null,
    note: grid.notes?.[address] ?? null,
    fill: grid.fills?.[address] ?? null,
    ...(grid.looks ? { look: grid.looks[address] ?? null } : {}),
  };
}

/** FNV-1a over the JSON of the written fields: enough to tell "still ours" from "edited since". */
export function hashFields(state: Partial<CellState>, fields: readonly CellField[]): string {
  const text = JSON.stringify(fields.map((f) => [f, state[f] ?? null]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The fields whose hash tells that a cell is still the add-in's: those it wrote, not the look a
 * style copy gave (no host can predict it); a cell only drawn is the add-in's while its value is.
 */
export function ownedFields(fields: readonly CellField[]): readonly CellField[] {
  const owned = fields.filter((f) => f !== "look");
  return owned.length > 0 ? owned : ["value"];
}

/** Whether the add-in's entry still describes the cell (nobody has edited it since). */
export function stillOurs(entry: LedgerEntry, now: CellState): boolean {
  return hashFields(now, ownedFields(entry.fields)) === entry.hash;
}

/**
 * The sheet as the person left it: every cell the add-in wrote, and still owns, shown as it was
 * before. Scoring this view again gives the same plan: scoring twice = scoring once.
 */
export function personView(
  grid: Grid,
  ledger: readonly LedgerEntry[]
): { grid: Grid; ledger: LedgerEntry[] } {
  const mine = ledger.filter(
    (e) => e.sheet === grid.sheet && stillOurs(e, cellState(grid, e.address))
  );
  if (mine.length === 0) return { grid, ledger: [] };
  const origin = parseAddress(grid.origin || "A1");
  const values = grid.values.map((r) => r.slice());
  const formulas = grid.formulas?.map((r) => r.slice());
  const formats = grid.numberFormats?.map((r) => r.slice());
  const notes: Record<string, string> = { ...(grid.notes ?? {}) };
  const fills: Record<string, string> = { ...(grid.fills ?? {}) };
  for (const e of mine) {
    const p = parseAddress(e.address);
    const r = p.row - origin.row;
    const c = p.col - origin.col;
    if (r < 0 || c < 0) continue;
    while (values.length <= r) values.push([]);
    if (e.fields.includes("value")) values[r][c] = e.before.value ?? "";
    if (e.fields.includes("numberFormat") && formats) {
      while (formats.length <= r) formats.push([]);
      formats[r][c] = e.before.numberFormat;
    }
    if (formulas && e.fields.includes("value") && formulas[r]) formulas[r][c] = e.before.formula;
    if (e.fields.includes("note")) setOrDelete(notes, e.address, e.before.note);
    if (e.fields.includes("fill")) setOrDelete(fills, e.address, e.before.fill);
  }
  return {
    grid: { ...grid, values, formulas, numberFormats: formats, notes, fills },
    ledger: mine,
  };
}

function setOrDelete(map: Record<string, string>, key: string, value: string | null): void {
  if (value === null) delete map[key];
  else map[key] = value;
}

/** A number a person typed (9, "8.8", "99.79分"), which a disagreeing computed value may replace. */
function isNumberLike(value: CellScalar): boolean {
  if (value === null || value === "") return true;
  if (typeof value === "number") return true;
  return typeof value === "string" && readPrinted(value) !== null;
}

function isBlank(value: CellScalar): boolean {
  return value === null || stripSpace(cellText(value)) === "";
}

function toNumber(d: Decimal): number {
  // the host boundary: Excel stores doubles; the decimal string is exact to the profile's decimals
  return Number(plain(d));
}

/** A rate written in the cell's own convention: 0.9875 with 0.00%, 98.75 bare, or "98.75%" as text. */
function rateInConvention(rate: Decimal, now: CellState): Partial<CellState> {
  const v = now.value;
  if (typeof v === "string" && /%/.test(v))
    return { value: `${plain(rate.times(100).toDecimalPlaces(2))}%` };
  if (typeof v === "number" && !(now.numberFormat ?? "").includes("%") && v > 1.5)
    return { value: toNumber(rate.times(100).toDecimalPlaces(2)) };
  if (typeof v === "string" && v.trim() !== "" && Number(v) > 1.5)
    return { value: plain(rate.times(100).toDecimalPlaces(2)) };
  const fraction = toNumber(rate.toDecimalPlaces(6));
  return now.numberFormat && now.numberFormat.includes("%")
    ? { value: fraction }
    : { value: fraction, numberFormat: "0.00%" };
}

interface Planned {
  set: Partial<CellState>;
  why: string[];
  style?: { like: string };
}

class Planner {
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
    const set = format ? format(now) : { value: toNumber(value) };
    // a printed number that agrees stays as the person typed it (9.84, "99.79分")
    const printed = readPrinted(now.value, now.numberFormat ?? undefined);
    const same = !format && printed !== null && printed.value.equals(value);
    if (!same) this.merge(address, set, why);
    this.note(address, `${why}：${explain}`, null);
    // the note shows a computed value other than the cell's: say why the cell keeps its own
    if (same && printed && computed && !computed.equals(printed.value))
      this.note(address, keptSentence(printed, computed), null);
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

/** The plan for one scored form on its sheet (the person's view of it: see personView). */
function planForm(grid: Grid, form: Form, result: FormResult, options: PlanOptions = {}): Planner {
  const shifted = new Set(form.indicators.filter((r) => r.shift).map((r) => r.row));
  const p = new Planner(grid, shifted);
  const b = result.budget;
  if (b) {
    p.number(b.cell, b.value, "预算执行得分", b.explain, undefined, b.score);
    if (b.rateCell && b.rate && (b.rateStated === null || !b.rateValue?.equals(b.rateStated))) {
      p.number(b.rateCell, b.rate, "执行率", b.explain, (now) =>
        rateInConvention(b.rate as Decimal, now)
      );
    }
  }
  for (const ind of result.indicators) {
    p.number(ind.cell, ind.value, "指标得分", ind.explain, undefined, ind.score);
    if (
      ind.rateCell &&
      ind.completionRate &&
      (ind.rateStated === null || !ind.rateValue?.equals(ind.rateStated))
    ) {
      p.number(ind.rateCell, ind.completionRate, "完成率", ind.explain, (now) =>
        rateInConvention(ind.completionRate as Decimal, now)
      );
    }
  }
  placeTotalAndGrade(p, form, result);
  for (const prompt of result.prompts) promptNote(p, prompt, options);
  return p;
}

function placeTotalAndGrade(p: Planner, form: Form, result: FormResult): void {
  if (result.total === null) return;
  const scoreCol = form.indicators.find((r) => r.score)?.score;
  let totalAddress = form.total?.score?.address;
  if (!totalAddress) {
    // no 总分 row (the unit-overall table): labelled rows under the last indicator row
    const last = form.indicators[form.indicators.length - 1];
    if (!last) return;
    const labelCol = parseAddress(last.name.address).col;
    const valueCol = scoreCol ? parseAddress(scoreCol.address).col : labelCol + 1;
    const row = parseAddress(last.name.address).row + 1;
    if (!p.text(toAddress(row, labelCol), "总分", "总分标签")) return;
    totalAddress = toAddress(row, valueCol);
    if (!p.text(toAddress(row + 1, labelCol), "等级", "等级标签")) return;
    // the two rows are part of the table: drawn like its last row, across its columns
    const { left, right } = formColumns(p.grid, form);
    for (let c = left; c <= right; c++)
      for (const r of [row, row + 1]) p.styleLike(toAddress(r, c), toAddress(row - 1, c));
  }
  p.number(totalAddress, result.total, "总分", result.totalExplain);
  if (!result.grade) return;
  const why = `等级：总分 ${plain(result.total)} 按${profileName(result.profile)}的分档评为“${result.grade}”`;
  if (!form.total?.score) {
    // the labelled rows under the unit-overall table: the grade under the total
    const t = parseAddress(totalAddress);
    const gradeAddress = toAddress(t.row + 1, t.col);
    if (p.text(gradeAddress, result.grade, "等级")) p.note(gradeAddress, why, null);
    return;
  }
  // inside the printed form: the template's cell, a free cell of the total row, or the total's display
  const place = gradePlace(p.grid, form, totalAddress);
  if (place.kind === "template" || place.kind === "labelled") {
    if (place.kind === "labelled" && !p.text(place.label, "等级", "等级标签")) return;
    if (p.text(place.address, result.grade, "等级")) p.note(place.address, why, null);
  } else if (place.kind === "single") {
    if (p.text(place.address, `等级：${result.grade}`, "等级")) p.note(place.address, why, null);
  } else if (place.kind === "format" && p.numeric(totalAddress)) {
    p.format(totalAddress, gradeFormat(result.grade), "等级");
    p.note(totalAddress, why, null);
  } else if (place.kind === "format" && p.numericText(totalAddress) !== null) {
    // "99.90" typed as text: the same number, shown with the same decimals and the grade
    const { value, decimals } = p.numericText(totalAddress) as { value: number; decimals: number };
    p.setNumber(totalAddress, value, gradeFormat(result.grade, decimals), "等级");
    p.note(totalAddress, why, null);
  } else {
    p.note(totalAddress, `${why}（表内没有空位，等级未单独写入）`, null);
  }
}

function promptNote(p: Planner, prompt: Prompt, options: PlanOptions): void {
  p.note(prompt.cell, prompt.message, prompt.severity);
  if (
    options.promptTextInReasonCells &&
    prompt.kind === "deviation-reason-missing" &&
    isBlank(p.state(prompt.cell).value)
  ) {
    p.text(prompt.cell, prompt.message.replace(/，请在 .*$/, ""), "偏差原因提示");
  }
}

/**
 * Turn planners of one sheet into edits and the new ledger. Cells the add-in owned before but
 * no longer writes are given back to the person as they were.
 */
function finishPlan(
  grid: Grid,
  planners: readonly Planner[],
  previous: readonly LedgerEntry[]
): WritePlan {
  const combined = new Map<string, Planned>();
  for (const pl of planners) {
    for (const [address, e] of pl.edits) {
      const had = combined.get(address);
      const style = had?.style ?? e.style;
      combined.set(address, {
        set: had ? { ...had.set, ...e.set } : { ...e.set },
        why: had ? [...had.why, ...e.why] : [...e.why],
        ...(style ? { style } : {}),
      });
    }
  }
  const edits: CellEdit[] = [];
  const ledger: LedgerEntry[] = [];
  const previousByAddress = new Map(previous.map((e) => [e.address, e]));
  for (const [address, e] of combined) {
    const before = previousByAddress.get(address)?.before ?? cellState(grid, address);
    // a style copy: the cell's own look is kept (where the host has it), for 撤销
    const look = e.style && before.look !== undefined ? (["look"] as const) : [];
    const fields = [...(Object.keys(e.set) as CellField[]), ...look];
    const written: CellState = { ...before, ...e.set };
    edits.push({
      sheet: grid.sheet,
      address,
      set: e.set,
      why: [...new Set(e.why)].join("、"),
      ...(e.style ? { style: e.style } : {}),
    });
    if (fields.length > 0)
      ledger.push({
        sheet: grid.sheet,
        address,
        fields,
        hash: hashFields(written, ownedFields(fields)),
        before,
      });
  }
  // cells written last time and not now: restore them
  for (const old of previous) {
    if (combined.has(old.address)) continue;
    edits.push({ sheet: grid.sheet, address: old.address, set: restoreSet(old), why: "恢复" });
  }
  return { edits, ledger, skipped: planners.flatMap((pl) => pl.skipped) };
}

function restoreSet(entry: LedgerEntry): Partial<CellState> {
  const set: Record<string, unknown> = {};
  for (const f of entry.fields) set[f] = entry.before[f] ?? null;
  if (entry.fields.includes("value")) set.formula = entry.before.formula;
  return set as Partial<CellState>;
}

/**
 * 撤销本次评分: every cell the add-in wrote and still owns goes back exactly as it was (value,
 * formula, number format, note, fill, and the look a style copy changed). A cell a person has
 * edited since is theirs and is left.
 */
export function planRestore(grid: Grid, ledger: readonly LedgerEntry[]): WritePlan {
  const edits: CellEdit[] = [];
  const skipped: string[] = [];
  for (const e of ledger.filter((x) => x.sheet === grid.sheet)) {
    if (stillOurs(e, cellState(grid, e.address)))
      edits.push({ sheet: grid.sheet, address: e.address, set: restoreSet(e), why: "撤销" });
    else skipped.push(`${grid.sheet}!${e.address} 评分后已被修改，保留现有内容`);
  }
  return { edits, ledger: [], skipped };
}

/** The whole plan for one sheet: every form on it, merged, against the ledger of its last scoring. */
export function planSheet(
  grid: Grid,
  scored: readonly { form: Form; result: FormResult }[],
  previous: readonly LedgerEntry[],
  options: PlanOptions = {}
): WritePlan {
  if (grid.protected) {
    return {
      edits: [],
      ledger: previous,
      skipped: [`工作表“${grid.sheet}”受保护，无法写入评分结果；请撤销保护后再评分`],
    };
  }
  return finishPlan(
    grid,
    scored.map(({ form, result }) => planForm(grid, form, result, options)),
    previous
  );
}

function profileName(id: string): string {
  return isProfileId(id) ? PROFILES[id].name : id;
}
