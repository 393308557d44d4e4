/**
 * What one gateway keeps between actions (its budgets, the one-action-at-a-time chain, the ranges
 * it wrote lately, 自动评分's memory), and what one Excel.run works with: its request context with
 * the round trips counted (Io) and a write queue that syncs before a payload would pass the budget.
 */
import type { CellScalar, Form } from "../../engine/types";
import { columnLetters } from "../../address";
import { STATE_SHEET } from "../../form/state";
import { jsonLength } from "./cells";
import { containsRect, localAddress, parseRange as rectOf, type Rect } from "../../address";
import type { GatewayConfig } from "./contract";

/** What Office.js wraps around one queued action or object path in a request (bytes, estimated high). */
export const OP_BYTES = 300;

/**
 * What one object path costs in a request (beyond its arguments, which a caller counts): Office.js
 * sends, in every request, each object an action is reached through (getRange("B7"), format, fill)
 * as an entry with its id, type, name and parent, and an action instantiating it: 110 to 170 bytes,
 * as fake-excel counts them after Office.js. Where the values are short (many small writes), the
 * paths outweigh them.
 */
export const PATH_BYTES = 200;

export interface SheetInfo {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
  readonly protected: boolean;
}

export interface SheetRead {
  readonly info: SheetInfo;
  readonly rect: Rect | null;
  readonly values: CellScalar[][];
  readonly formulas: (string | null)[][];
  readonly numberFormats: string[][];
  readonly merges: string[];
  /** Threaded comments on the sheet (only where they stand in for notes). */
  readonly comments: Excel.Comment[];
}

export interface WriteTally {
  cells: number;
  notes: number;
  fills: number;
}

/**
 * What 自动评分 remembers of the workbook between re-scores, so that one re-score costs one read
 * and one write: the sheets as last listed, the forms on each (the other tabs' are the `auto`
 * profile's evidence, and say whether an edit falls inside a form), and the cells each sheet's
 * last plan touched (their fills and notes are read with the sheet). Refreshed by every action.
 */
export interface AutoMemory {
  readonly sheets: Map<string, SheetInfo>;
  readonly forms: Map<string, readonly Form[]>;
  readonly touched: Map<string, ReadonlySet<string>>;
}

export function emptyMemory(): AutoMemory {
  return { sheets: new Map(), forms: new Map(), touched: new Map() };
}

/** The gateway's state across actions. */
export class GatewaySession {
  readonly payloadBudget: number;
  readonly readChunkBudget: number;
  readonly maxSheetCells: number;
  /** The add-in's own sheets: change events on them are never a person's edit of a form. */
  ownSheets = new Set<string>([STATE_SHEET]);
  /** What 自动评分 remembers between re-scores; null while it is off. */
  memory: AutoMemory | null = null;
  /** The 自动评分 listener the memory belongs to (a late stop of an earlier one leaves it alone). */
  memoryOwner: symbol | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Ranges the add-in wrote lately: change events over them are its own. */
  private recentWrites: { sheet: string; rect: Rect; until: number }[] = [];

  constructor(config: GatewayConfig) {
    this.payloadBudget = config.payloadBudget ?? 3_500_000;
    this.readChunkBudget = config.readChunkBudget ?? 1_500_000;
    this.maxSheetCells = config.maxSheetCells ?? 250_000;
  }

  /** One action at a time: a second click waits for the first (two runs must not interleave their reads and writes). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  wrote(sheet: string, rect: Rect): void {
    this.recentWrites.push({ sheet, rect, until: Date.now() + 5000 });
  }

  forgetOldWrites(): void {
    const now = Date.now();
    this.recentWrites = this.recentWrites.filter((w) => w.until > now);
  }

  /** A change event over cells the add-in has just written (on an Excel that cannot say whose edit it was). */
  isOwnWrite(sheet: string, address: string): boolean {
    this.forgetOldWrites();
    let rect: Rect;
    try {
      rect = rectOf(localAddress(address));
    } catch {
      return false;
    }
    return this.recentWrites.some((w) => w.sheet === sheet && containsRect(w.rect, rect));
  }
}

/** One Excel.run: its request context, whose round trips are counted for the report (Office.js keeps no count). */
export class Io {
  syncs = 0;
  readonly context: Excel.RequestContext;

  constructor(context: Excel.RequestContext) {
    this.context = context;
    const sync = context.sync.bind(context);
    context.sync = (<T>(passThrough?: T): Promise<T> => {
      this.syncs++;
      return sync(passThrough);
    }) as typeof context.sync;
  }

  sheet(info: SheetInfo): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(info.id);
  }
}

/** Queues writes, sending a sync before the queued request would pass the budget. */
export class Writer {
  private bytes = 0;
  private queued = false;

  constructor(
    private readonly io: Io,
    private readonly budget: number
  ) {}

  /**
   * Queues one write: `bytes` its values and arguments, `paths` the new object paths it is reached
   * through (ws.getRange(a).values: one; ws.getRange(a).format.fill.color: three).
   */
  async add(bytes: number, queue: () => void, paths = 1): Promise<void> {
    const cost = bytes + OP_BYTES + paths * PATH_BYTES;
    if (this.queued && this.bytes + cost > this.budget) await this.flush();
    queue();
    this.bytes += cost;
    this.queued = true;
  }

  async flush(): Promise<void> {
    if (!this.queued) return;
    this.bytes = 0;
    this.queued = false;
    const context = this.io.context;
    await context.sync();
  }

  /** Rows written from column A as blocks under the budget (a large ledger or summary goes in several ranges). */
  async rows(
    ws: Excel.Worksheet,
    firstRow: number,
    cells: (string | number | boolean)[][],
    formulas: boolean
  ): Promise<void> {
    if (cells.length === 0) return;
    const width = cells[0].length;
    let start = 0;
    while (start < cells.length) {
      let end = start;
      let bytes = 0;
      while (
        end < cells.length &&
        (end === start || bytes + jsonLength(cells[end]) < this.budget / 2)
      )
        bytes += jsonLength(cells[end++]);
      const slice = cells.slice(start, end);
      const address = `A${firstRow + start}:${columnLetters(width)}${firstRow + end - 1}`;
      await this.add(bytes, () => {
        const range = ws.getRange(address);
        if (formulas) range.formulas = slice;
        else range.values = slice;
      });
      start = end;
    }
  }
}
