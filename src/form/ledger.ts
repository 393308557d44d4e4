/**
 * The ledger of what the add-in wrote (domain §8): a cell's state, a hash of the fields written,
 * whether a cell is still the add-in's, the sheet as the person left it, and 撤销.
 */
import { parseAddress } from "../address";
import type { Grid } from "./grid";
import type { CellEdit, CellField, CellState, LedgerEntry, WritePlan } from "./writePlan";

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

/** The fields of a ledger entry as they were before the add-in wrote them. */
export function restoreSet(entry: LedgerEntry): Partial<CellState> {
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
