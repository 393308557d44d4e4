/**
 * Cell details: the fills and notes of only the cells a plan may touch (and the number format of
 * such a cell outside the used range), read after the first plan said which cells those are; and
 * the current state of given cells (a failed write checked, 撤销's cells), as sparse grids.
 */
import type { Grid } from "../../form/grid";
import { toAddress } from "../../address";
import { blocks, planFill } from "./cells";
import {
  containsRect,
  localAddress,
  rectAddress,
  parseRange as rectOf,
  type Rect,
} from "../../address";
import { queueLooks } from "./cellLook";
import type { Capabilities } from "./contract";
import { OP_BYTES, type GatewaySession, type Io, type SheetInfo, type SheetRead } from "./session";
import { gridOf, toRead } from "./sheetRead";

export interface ExistingNote {
  readonly content: string;
  /** A note (1.18) or a comment (1.10) proxy of this request context. */
  readonly proxy: Excel.Note | Excel.Comment;
}

export interface SheetDetails {
  /** Addresses whose fill and note are known. */
  readonly known: Set<string>;
  readonly fills: Map<string, string>;
  readonly notes: Map<string, ExistingNote>;
  /** Number formats of known cells outside the used range. */
  readonly formats: Map<string, string>;
  /** Looks (cellLook.ts) of known cells a plan draws like another, as JSON. */
  readonly looks: Map<string, string>;
  commentsLocated: boolean;
}

export function newDetails(): SheetDetails {
  return {
    known: new Set(),
    fills: new Map(),
    notes: new Map(),
    formats: new Map(),
    looks: new Map(),
    commentsLocated: false,
  };
}

export { touchedCells } from "../actionRules";

/**
 * Fills and notes of the cells a plan may touch (and their formats outside the used range, and
 * the looks of the cells it draws like another), in one sync; in more only where the request
 * would pass the payload budget (a thousand tabs).
 */
export async function readDetails(
  session: GatewaySession,
  io: Io,
  reads: ReadonlyMap<string, SheetRead>,
  details: Map<string, SheetDetails>,
  wanted: ReadonlyMap<string, string[]>,
  caps: Capabilities,
  /** The cells drawn like another (cellLook.styledCells), by sheet. */
  styled?: ReadonlyMap<string, ReadonlySet<string>>
): Promise<void> {
  const context = io.context;
  let collect: (() => void)[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (collect.length === 0) return;
    await context.sync();
    for (const c of collect) c();
    collect = [];
    bytes = 0;
  };
  for (const [sheet, addresses] of wanted) {
    const read = reads.get(sheet);
    if (!read) continue;
    let d = details.get(sheet);
    if (!d) details.set(sheet, (d = newDetails()));
    const locate = caps.notes === "comments" && !d.commentsLocated;
    const looksOf = caps.cellProperties ? addresses.filter((a) => styled?.get(sheet)?.has(a)) : [];
    const cost =
      OP_BYTES *
      (2 +
        addresses.length * (caps.notes === "notes" ? 2 : 1) +
        looksOf.length +
        (locate ? read.comments.length : 0));
    if (collect.length && bytes + cost > session.payloadBudget) await flush();
    bytes += cost;
    const outside = addresses.filter((a) => !read.rect || !containsRect(read.rect, rectOf(a)));
    const queued = queueCellDetails(
      io.sheet(read.info),
      addresses,
      outside,
      caps,
      locate ? read.comments : null,
      looksOf
    );
    const det = d;
    collect.push(() => queued(det));
  }
  await flush();
}

/**
 * Queues the fills and notes of `addresses` (and the number formats of `formatsOf`, the ones
 * outside the used range, and the looks of `looksOf`, ExcelApi 1.9); the function returned,
 * after the sync, records them as known.
 */
export function queueCellDetails(
  ws: Excel.Worksheet,
  addresses: readonly string[],
  formatsOf: readonly string[],
  caps: Capabilities,
  /** Threaded comments to locate (1.10, where notes are not available), once per sheet. */
  comments: readonly Excel.Comment[] | null,
  looksOf: readonly string[] = []
): (det: SheetDetails, keepFormat?: (address: string) => boolean) => void {
  const fills = queueFills(ws, addresses, caps);
  const looks = looksOf.length ? queueLooks(ws, looksOf) : null;
  const formats = blocks(new Map(formatsOf.map((a) => [a, true]))).map((b) => {
    const r = ws.getRange(rectAddress(b.rect));
    r.load("numberFormat");
    return { b, r };
  });
  let notes: (() => Map<string, ExistingNote>) | null = null;
  if (caps.notes === "notes") notes = queueNotes(ws, addresses);
  else if (comments) notes = queueCommentLocations(comments);
  return (det, keepFormat = () => true) => {
    for (const [a, f] of fills()) det.fills.set(a, f);
    for (const { b, r } of formats)
      r.numberFormat.forEach((line, i) =>
        line.forEach((f, j) => {
          const a = toAddress(b.rect.top + i, b.rect.left + j);
          if (keepFormat(a)) det.formats.set(a, f);
        })
      );
    if (notes) for (const [a, n] of notes()) det.notes.set(a, n);
    if (looks) for (const [a, l] of looks()) det.looks.set(a, l);
    if (comments) det.commentsLocated = true;
    for (const a of addresses) det.known.add(a);
  };
}

/** The current state of given cells, as sparse grids (values of their bounding box, their fills and notes), and their notes' proxies. */
export async function readCellGrids(
  io: Io,
  caps: Capabilities,
  requests: readonly { info: SheetInfo; addresses: string[] }[],
  /** Threaded comments already loaded in an earlier sync of this context, by sheet name. */
  preloaded?: ReadonlyMap<string, Excel.CommentCollection>
): Promise<Map<string, { grid: Grid; notes: Map<string, ExistingNote> }>> {
  const context = io.context;
  let comments: { info: SheetInfo; col: Excel.CommentCollection }[] = [];
  if (preloaded)
    comments = requests.map((r) => ({
      info: r.info,
      col: preloaded.get(r.info.name) as Excel.CommentCollection,
    }));
  else if (caps.notes === "comments" && requests.length) {
    comments = requests.map((r) => {
      const col = io.sheet(r.info).comments;
      col.load("items/id,items/content");
      return { info: r.info, col };
    });
    await context.sync();
  }
  const queued = requests.map((r) => {
    const ws = io.sheet(r.info);
    const rects = r.addresses.map((a) => rectOf(a));
    const box: Rect = {
      top: Math.min(...rects.map((x) => x.top)),
      left: Math.min(...rects.map((x) => x.left)),
      bottom: Math.max(...rects.map((x) => x.bottom)),
      right: Math.max(...rects.map((x) => x.right)),
    };
    const range = ws.getRange(rectAddress(box));
    range.load("values,formulas,numberFormat");
    const fills = queueFills(ws, r.addresses, caps);
    const notes =
      caps.notes === "notes"
        ? queueNotes(ws, r.addresses)
        : caps.notes === "comments"
          ? queueCommentLocations(comments.find((c) => c.info === r.info)?.col?.items ?? [])
          : null;
    return { info: r.info, box, range, fills, notes };
  });
  if (queued.length) await context.sync();
  const out = new Map<string, { grid: Grid; notes: Map<string, ExistingNote> }>();
  for (const { info, box, range, fills, notes } of queued) {
    const read = toRead(info, box, range.values, range.formulas, range.numberFormat, [], []);
    const found = notes ? notes() : new Map<string, ExistingNote>();
    const grid: Grid = {
      ...gridOf(read),
      fills: Object.fromEntries(fills()),
      notes: Object.fromEntries([...found].map(([a, n]) => [a, n.content])),
    };
    out.set(info.name, { grid, notes: found });
  }
  return out;
}

function queueFills(
  ws: Excel.Worksheet,
  addresses: readonly string[],
  caps: Capabilities
): () => Map<string, string> {
  if (caps.cellProperties) {
    const parts = blocks(new Map(addresses.map((a) => [a, true]))).map((b) => ({
      b,
      props: ws
        .getRange(rectAddress(b.rect))
        .getCellProperties({ format: { fill: { color: true, pattern: true } } }),
    }));
    return () => {
      const out = new Map<string, string>();
      for (const { b, props } of parts)
        props.value.forEach((line, i) =>
          line.forEach((p, j) => {
            const f = planFill(p.format?.fill?.color, p.format?.fill?.pattern ?? "None");
            if (f) out.set(toAddress(b.rect.top + i, b.rect.left + j), f);
          })
        );
      return out;
    };
  }
  const parts = addresses.map((a) => {
    const fill = ws.getRange(a).format.fill;
    fill.load("color");
    return { a, fill };
  });
  return () => {
    const out = new Map<string, string>();
    for (const { a, fill } of parts) {
      const f = planFill(fill.color, undefined);
      if (f) out.set(a, f);
    }
    return out;
  };
}

function queueNotes(
  ws: Excel.Worksheet,
  addresses: readonly string[]
): () => Map<string, ExistingNote> {
  const parts = addresses.map((a) => {
    const note = ws.notes.getItemOrNullObject(a);
    note.load("content");
    return { a, note };
  });
  return () =>
    new Map(
      parts
        .filter((p) => !p.note.isNullObject)
        .map((p) => [p.a, { content: p.note.content, proxy: p.note }])
    );
}

function queueCommentLocations(
  comments: readonly Excel.Comment[]
): () => Map<string, ExistingNote> {
  const parts = comments.map((c) => {
    const where = c.getLocation();
    where.load("address");
    return { c, where };
  });
  return () =>
    new Map(
      parts.map((p) => [
        localAddress(p.where.address).split(":")[0],
        { content: p.c.content, proxy: p.c },
      ])
    );
}
