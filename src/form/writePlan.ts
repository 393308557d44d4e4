/**
 * The write-back plan's contract (domain §8): the cell edits a host applies, with the previous
 * state of every cell they touch. The ledger records what the add-in wrote (cell and a hash of
 * the written fields), so that re-scoring knows its own cells and a cell a person has edited
 * since is theirs again.
 */
import type { CellScalar, Severity } from "../engine/types";

/** What the plan reads and writes of a cell. */
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

/** The line that parts a person's own note from the add-in's lines below it. */
export const NOTE_MARK = "【绩效自评】";
