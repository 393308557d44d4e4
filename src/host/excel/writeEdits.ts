/**
 * Writing a plan's edits to one sheet: looks set back (撤销 of a style copy, Range.setCellProperties),
 * cells drawn like another (Range.copyFrom, formats), values
 * and formulas, number formats and fills as blocks (one range per rectangle of like cells), notes
 * one by one (as notes, or threaded comments on an
 * Excel without notes). A cell that already holds what the plan sets is left alone, so that
 * re-scoring an unchanged form writes nothing. Every range written is remembered for a while, so
 * that 自动评分 does not take the add-in's own write for a person's edit.
 */
import type { Grid } from "../../form/grid";
import { cellState, type CellEdit } from "../../form/plan";
import { blocks, jsonLength, matches, valueInput } from "./cells";
import { rectAddress, parseRange as rectOf, type Rect } from "../../address";
import type { SheetDetails } from "./cellDetails";
import { lookProperties } from "./cellLook";
import { supportsApi } from "./capabilities";
import type { Capabilities } from "./contract";
import type { GatewaySession, Io, SheetInfo, Writer, WriteTally } from "./session";

export async function writeEdits(
  session: GatewaySession,
  io: Io,
  writer: Writer,
  caps: Capabilities,
  info: SheetInfo,
  grid: Grid,
  details: SheetDetails | undefined,
  edits: readonly CellEdit[]
): Promise<WriteTally> {
  const ws = io.sheet(info);
  const values = new Map<string, { input: string | number | boolean; formula: boolean }>();
  const formats = new Map<string, string>();
  const fills = new Map<string, string | null>();
  const notes: { address: string; note: string | null }[] = [];
  const looks = new Map<string, Excel.SettableCellProperties>();
  const canLook = supportsApi("1.9"); // get/setCellProperties and copyFrom
  for (const e of edits.filter((x) => !matches(cellState(grid, x.address), x.set))) {
    const set = e.set;
    const look = canLook && "look" in set ? lookProperties(set.look) : null;
    if (look) looks.set(e.address, look);
    if ("value" in set || "formula" in set) {
      if (set.formula) values.set(e.address, { input: set.formula, formula: true });
      else {
        const format =
          "numberFormat" in set ? set.numberFormat : cellState(grid, e.address).numberFormat;
        values.set(e.address, { input: valueInput(set.value ?? null, format), formula: false });
      }
    }
    if ("numberFormat" in set) formats.set(e.address, set.numberFormat ?? "General");
    if ("fill" in set) fills.set(e.address, set.fill ?? null);
    if ("note" in set) notes.push({ address: e.address, note: set.note ?? null });
  }
  const remember = (rect: Rect): void => session.wrote(info.name, rect);
  // 撤销 of a style copy: the borders, font and alignment the cell had (cellLook.ts; ExcelApi 1.9)
  for (const [address, look] of looks) {
    remember(rectOf(address));
    await writer.add(jsonLength(look) + 60, () => {
      ws.getRange(address).setCellProperties([[look]]);
    });
  }
  // cells drawn like another (the 003#0 总分/等级 rows): the other's formats copied first; only when the plan writes something, so
  // that re-scoring an unchanged form still writes nothing; ExcelApi 1.9, else left as they are
  const changes = values.size + formats.size + fills.size + notes.length + looks.size;
  if (changes > 0 && canLook)
    for (const e of edits) {
      const like = e.style?.like;
      if (!like) continue;
      // the copy brings border, font and alignment; the cell keeps its own number format and
      // fill (or the plan's), which the ledger and 撤销 know
      const state = cellState(grid, e.address);
      const format =
        ("numberFormat" in e.set ? e.set.numberFormat : state.numberFormat) ?? "General";
      const fill = "fill" in e.set ? e.set.fill : state.fill;
      remember(rectOf(e.address));
      // three actions (600 bytes) on four object paths: two getRange, format, fill
      await writer.add(
        600,
        () => {
          const range = ws.getRange(e.address);
          range.copyFrom(ws.getRange(like), "Formats");
          range.numberFormat = [[format]];
          if (fill) range.format.fill.color = `#${fill}`;
          else range.format.fill.clear();
        },
        4
      );
    }
  for (const b of blocks(values)) {
    const anyFormula = b.cells.some((line) => line.some((c) => c.formula));
    const inputs = b.cells.map((line) => line.map((c) => c.input));
    remember(b.rect);
    await writer.add(jsonLength(inputs), () => {
      const range = ws.getRange(rectAddress(b.rect));
      if (anyFormula) range.formulas = inputs;
      else range.values = inputs;
    });
  }
  for (const b of blocks(formats)) {
    remember(b.rect);
    await writer.add(jsonLength(b.cells), () => {
      ws.getRange(rectAddress(b.rect)).numberFormat = b.cells;
    });
  }
  for (const b of blocks(fills, (x, y) => x === y)) {
    const color = b.cells[0][0];
    remember(b.rect);
    await writer.add(
      40,
      () => {
        const fill = ws.getRange(rectAddress(b.rect)).format.fill;
        if (color) fill.color = `#${color}`;
        else fill.clear();
      },
      3
    );
  }
  for (const { address, note } of notes) {
    const existing = details?.notes.get(address);
    remember(rectOf(address));
    // a new note goes through the sheet's one notes collection: no object path of its own
    const paths = caps.notes === "notes" && !existing ? 0 : 1;
    await writer.add(
      jsonLength(note ?? "") + 60,
      () => {
        if (caps.notes === "notes") {
          const proxy = existing?.proxy as Excel.Note | undefined;
          if (note === null) proxy?.delete();
          else if (proxy) proxy.content = note;
          else ws.notes.add(address, note);
        } else if (caps.notes === "comments") {
          const proxy = existing?.proxy as Excel.Comment | undefined;
          if (note === null) proxy?.delete();
          else if (proxy) proxy.content = note;
          else ws.comments.add(ws.getRange(address), note, "Plain");
        }
      },
      paths
    );
  }
  session.forgetOldWrites();
  return {
    cells: new Set([...values.keys(), ...formats.keys(), ...looks.keys()]).size,
    notes: notes.length,
    fills: fills.size,
  };
}
