/**
 * The sheets an action needs, read in one sync; in several only after Excel refused the size of
 * one (Excel on the web's 5 MB): the shapes of the used ranges first, then blocks of rows packed under the budget, halved
 * again where the estimate was short. A used range larger than maxSheetCells is read in part, with
 * a warning.
 */
import type { CellScalar } from "../../engine/types";
import { STATE_SHEET } from "../../form/state";
import { localAddress, rectAddress, parseRange as rectOf, type Rect } from "../../address";
import type { Capabilities } from "./contract";
import { describeExcelError, isPayloadError, isProgrammingError } from "./errors";
import type { GatewaySession, Io, SheetInfo, SheetRead } from "./session";
import { emptyRead, queueExtras, readAtOnce, toRead } from "./sheetRead";

const BYTES_PER_CELL = 60;

interface Piece {
  readonly info: SheetInfo;
  readonly rect: Rect;
  readonly first: boolean;
}

interface Part {
  values: CellScalar[][];
  formulas: (string | null)[][];
  formats: string[][];
}

type Extras = { merges: string[]; comments: Excel.Comment[] };

/** Every sheet in one sync; in parts only when Excel refused the size of that. */
export async function readSheets(
  session: GatewaySession,
  io: Io,
  infos: readonly SheetInfo[],
  caps: Capabilities,
  warnings: string[]
): Promise<SheetRead[]> {
  try {
    return await readAtOnce(io, infos, caps, caps.merges);
  } catch (e) {
    if (isPayloadError(e)) return readInParts(session, io, infos, caps, caps.merges, warnings);
    if (!caps.merges || isProgrammingError(e)) throw e;
    // e.g. more than 512 merged areas on a sheet: read without merges
    warnings.push(`合并单元格区域未能读取（${describeExcelError(e)}），按未合并处理`);
    try {
      return await readAtOnce(io, infos, caps, false);
    } catch (e2) {
      if (isPayloadError(e2)) return readInParts(session, io, infos, caps, false, warnings);
      throw e2;
    }
  }
}

async function readInParts(
  session: GatewaySession,
  io: Io,
  infos: readonly SheetInfo[],
  caps: Capabilities,
  withMerges: boolean,
  warnings: string[]
): Promise<SheetRead[]> {
  const context = io.context;
  const shapes = infos.map((info) => {
    const used = io.sheet(info).getUsedRangeOrNullObject(true);
    used.load("address");
    return { info, used };
  });
  await context.sync();
  const pieces: Piece[] = [];
  const sheetRects = new Map<string, Rect | null>();
  for (const { info, used } of shapes) {
    if (used.isNullObject) {
      sheetRects.set(info.name, null);
      continue;
    }
    let rect = rectOf(localAddress(used.address));
    const width = rect.right - rect.left + 1;
    const maxRows = Math.max(1, Math.floor(session.maxSheetCells / width));
    if (rect.bottom - rect.top + 1 > maxRows) {
      warnings.push(
        `工作表“${info.name}”的使用区域 ${rectAddress(rect)} 过大，只读取了第 ${rect.top}–${rect.top + maxRows - 1} 行`
      );
      rect = { ...rect, bottom: rect.top + maxRows - 1 };
    }
    sheetRects.set(info.name, rect);
    const rowsPerPiece = Math.max(
      1,
      Math.floor(session.readChunkBudget / (width * BYTES_PER_CELL))
    );
    for (let top = rect.top; top <= rect.bottom; top += rowsPerPiece)
      pieces.push({
        info,
        rect: { ...rect, top, bottom: Math.min(rect.bottom, top + rowsPerPiece - 1) },
        first: top === rect.top,
      });
  }
  const parts = new Map<string, Part>();
  const extras = new Map<string, Extras>();
  for (const info of infos) parts.set(info.name, { values: [], formulas: [], formats: [] });
  const readGroup = async (group: Piece[], depth: number): Promise<void> => {
    const queued = group.map((p) => {
      const isState = p.info.name === STATE_SHEET;
      const range = io.sheet(p.info).getRange(rectAddress(p.rect));
      if (isState) range.load("values");
      else range.load("values,formulas,numberFormat");
      const more = p.first && !isState ? queueExtras(io, p.info, caps, withMerges) : null;
      return { p, range, more, isState };
    });
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || depth > 8) throw e;
      // the estimate was short: halve the group, or the block of rows
      if (group.length > 1) {
        const half = Math.ceil(group.length / 2);
        await readGroup(group.slice(0, half), depth + 1);
        await readGroup(group.slice(half), depth + 1);
        return;
      }
      const p = group[0];
      if (p.rect.top === p.rect.bottom) throw e;
      const mid = Math.floor((p.rect.top + p.rect.bottom) / 2);
      await readGroup([{ ...p, rect: { ...p.rect, bottom: mid } }], depth + 1);
      await readGroup([{ ...p, rect: { ...p.rect, top: mid + 1 }, first: false }], depth + 1);
      return;
    }
    for (const q of queued) {
      const part = parts.get(q.p.info.name) as Part;
      part.values.push(...(q.range.values as CellScalar[][]));
      if (!q.isState) {
        part.formulas.push(...(q.range.formulas as (string | null)[][]));
        part.formats.push(...q.range.numberFormat);
      }
      if (q.more) extras.set(q.p.info.name, q.more());
    }
  };
  let group: Piece[] = [];
  let bytes = 0;
  for (const p of pieces) {
    const cost =
      (p.rect.bottom - p.rect.top + 1) * (p.rect.right - p.rect.left + 1) * BYTES_PER_CELL;
    if (group.length && bytes + cost > session.readChunkBudget) {
      await readGroup(group, 0);
      group = [];
      bytes = 0;
    }
    group.push(p);
    bytes += cost;
  }
  if (group.length) await readGroup(group, 0);
  return infos.map((info) => {
    const rect = sheetRects.get(info.name) ?? null;
    const more = extras.get(info.name) ?? { merges: [], comments: [] };
    if (!rect) return emptyRead(info, more.merges, more.comments);
    const part = parts.get(info.name) as Part;
    const isState = info.name === STATE_SHEET;
    return toRead(
      info,
      rect,
      part.values,
      isState ? null : part.formulas,
      isState ? null : part.formats,
      more.merges,
      more.comments
    );
  });
}
