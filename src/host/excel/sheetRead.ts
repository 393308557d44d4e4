/**
 * Reading sheets: the list of worksheets, then every sheet's used range of values (values,
 * formulas, number formats), its merged areas (ExcelApi 1.13) and threaded comments where they
 * stand in for notes, in one sync (in parts only after Excel refused the size: readSheets.ts).
 * And what Excel returned, as the Grid contract of src/form has it.
 */
import type { CellScalar } from "../../engine/types";
import type { Grid } from "../../form/grid";
import { parseAddress, toAddress } from "../../address";
import { STATE_SHEET } from "../../form/state";
import { isDateFormat, isoFromSerial } from "./cells";
import { localAddress, parseRange as rectOf, type Rect } from "../../address";
import type { SheetDetails } from "./cellDetails";
import type { Capabilities } from "./contract";
import type { Io, SheetInfo, SheetRead } from "./session";

export async function discover(
  io: Io,
  wantActive: boolean
): Promise<{ sheets: SheetInfo[]; active: string | null }> {
  const context = io.context;
  const sheets = io.context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const active = wantActive ? sheets.getActiveWorksheet() : null;
  active?.load("name");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({
      name: s.name,
      id: s.id,
      visibility: s.visibility,
      protected: s.protection.protected,
    })),
    active: active ? active.name : null,
  };
}

export async function readAtOnce(
  io: Io,
  infos: readonly SheetInfo[],
  caps: Capabilities,
  withMerges: boolean
): Promise<SheetRead[]> {
  const pending = infos.map((info) => queueSheetRead(io, info, caps, withMerges));
  await io.context.sync();
  return pending.map((collect) => collect());
}

/**
 * Queues the read of one sheet's used range of values (the state sheet: values only; any other:
 * formulas, number formats and the extras too); after the sync, the function returned gives the
 * SheetRead, under `info` as given or as loaded meanwhile.
 */
export function queueSheetRead(
  io: Io,
  info: SheetInfo,
  caps: Capabilities,
  withMerges: boolean
): (as?: SheetInfo) => SheetRead {
  const isState = info.name === STATE_SHEET;
  const used = io.sheet(info).getUsedRangeOrNullObject(true);
  if (isState) used.load("address,values");
  else used.load("address,values,formulas,numberFormat");
  const extras = isState ? null : queueExtras(io, info, caps, withMerges);
  return (as = info) => usedRead(as, used, isState, extras ? extras() : null);
}

/**
 * Merged areas (ExcelApi 1.13) of the used range of values (getUsedRange, not its OrNullObject
 * twin: an empty sheet gives A1 rather than a null object to call a method on), and threaded
 * comments where they stand in for notes.
 */
export function queueExtras(
  io: Io,
  info: SheetInfo,
  caps: Capabilities,
  withMerges: boolean
): () => { merges: string[]; comments: Excel.Comment[] } {
  const ws = io.sheet(info);
  const merges = withMerges ? ws.getUsedRange(true).getMergedAreasOrNullObject() : null;
  merges?.load("areas/items/address");
  const comments = caps.notes === "comments" ? ws.comments : null;
  comments?.load("items/id,items/content");
  return () => ({
    merges:
      merges && !merges.isNullObject ? merges.areas.items.map((a) => localAddress(a.address)) : [],
    comments: comments ? comments.items : [],
  });
}

export function emptyRead(info: SheetInfo, merges: string[], comments: Excel.Comment[]): SheetRead {
  return { info, rect: null, values: [], formulas: [], numberFormats: [], merges, comments };
}

/** A used range loaded by queueSheetRead, once synced, as a SheetRead (values only for the state sheet). */
export function usedRead(
  info: SheetInfo,
  used: Excel.Range,
  valuesOnly: boolean,
  more: { merges: string[]; comments: Excel.Comment[] } | null
): SheetRead {
  const merges = more?.merges ?? [];
  const comments = more?.comments ?? [];
  if (used.isNullObject) return emptyRead(info, merges, comments);
  return toRead(
    info,
    rectOf(localAddress(used.address)),
    used.values,
    valuesOnly ? null : used.formulas,
    valuesOnly ? null : used.numberFormat,
    merges,
    comments
  );
}

/** What Excel returned for a range, as the Grid contract has it (dates as ISO text, formulas only where there is one). */
export function toRead(
  info: SheetInfo,
  rect: Rect | null,
  values: unknown[][],
  formulas: unknown[][] | null,
  formats: string[][] | null,
  merges: string[],
  comments: Excel.Comment[]
): SheetRead {
  const outValues: CellScalar[][] = values.map((line, i) =>
    line.map((v, j) => {
      const f = formats?.[i]?.[j];
      if (typeof v === "number" && isDateFormat(f)) return isoFromSerial(v);
      return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : "";
    })
  );
  const outFormulas = values.map((line, i) =>
    line.map((v, j) => {
      const f = formulas?.[i]?.[j];
      return typeof f === "string" && f.startsWith("=") && f !== v ? f : null;
    })
  );
  return {
    info,
    rect,
    values: outValues,
    formulas: outFormulas,
    numberFormats: formats ?? values.map((l) => l.map(() => "General")),
    merges,
    comments,
  };
}

/** The Grid of a read sheet, with the fills, notes, outside formats and looks read for the cells a plan may touch. */
export function gridOf(read: SheetRead, details?: SheetDetails): Grid {
  const origin = read.rect ? toAddress(read.rect.top, read.rect.left) : "A1";
  let numberFormats: (string | null)[][] = read.numberFormats;
  if (details?.formats.size && read.rect) {
    numberFormats = read.numberFormats.map((l) => l.slice());
    const o = parseAddress(origin);
    for (const [a, f] of details.formats) {
      const p = parseAddress(a);
      const r = p.row - o.row;
      const c = p.col - o.col;
      if (r < 0 || c < 0) continue;
      while (numberFormats.length <= r) numberFormats.push([]);
      numberFormats[r][c] = f;
    }
  }
  return {
    sheet: read.info.name,
    origin,
    values: read.values,
    formulas: read.formulas,
    numberFormats,
    merges: read.merges,
    protected: read.info.protected,
    notes: details ? Object.fromEntries([...details.notes].map(([a, n]) => [a, n.content])) : {},
    fills: details ? Object.fromEntries(details.fills) : {},
    // the looks read before a style copy (cellLook.ts), for the ledger
    ...(details?.looks.size ? { looks: Object.fromEntries(details.looks) } : {}),
  };
}
