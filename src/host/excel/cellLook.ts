/**
 * A cell's look in the add-in (issue 14): its borders, font and alignment, which Range.copyFrom
 * (…, "Formats") replaces when a cell is drawn like another (CellEdit.style). Before the copy the
 * look is read with Range.getCellProperties in the same round trip as the cells' fills and notes
 * (cellDetails.ts), kept in the ledger as JSON (Grid.looks → CellState.look), and set back by
 * 撤销 with Range.setCellProperties (writeEdits.ts). Both are ExcelApi 1.9, as the copy is: below
 * it no copy is made, so there is nothing to keep or take back. A look of the .xlsx host ("s:5")
 * is not ours and is left alone.
 */
import { rectAddress, toAddress } from "../../address";
import type { WorkbookOutcome } from "../../form/pipeline";
import { blocks } from "./cells";

/** What a look holds: what a format copy changes, beyond the number format and fill the plan keeps. */
export const LOOK_PROPERTIES: Excel.CellPropertiesFormatLoadOptions = {
  borders: { style: true, color: true, weight: true },
  font: { name: true, size: true, color: true, bold: true, italic: true, underline: true },
  horizontalAlignment: true,
  verticalAlignment: true,
  wrapText: true,
};

/** Per sheet, the cells a plan draws like another: their looks are read before the copy. */
export function styledCells(outcome: WorkbookOutcome): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of outcome.sheets)
    for (const e of s.plan.edits) {
      if (!e.style) continue;
      let set = out.get(s.sheet);
      if (!set) out.set(s.sheet, (set = new Set()));
      set.add(e.address);
    }
  return out;
}

/** Queues the read of the looks of `addresses` (one call per block); after the sync, the looks as JSON by address. */
export function queueLooks(
  ws: Excel.Worksheet,
  addresses: readonly string[]
): () => Map<string, string> {
  const parts = blocks(new Map(addresses.map((a) => [a, true]))).map((b) => ({
    b,
    props: ws.getRange(rectAddress(b.rect)).getCellProperties({ format: LOOK_PROPERTIES }),
  }));
  return () => {
    const out = new Map<string, string>();
    for (const { b, props } of parts)
      props.value.forEach((line, i) =>
        line.forEach((p, j) =>
          out.set(toAddress(b.rect.top + i, b.rect.left + j), lookText(p.format ?? {}))
        )
      );
    return out;
  };
}

/** A look as the ledger keeps it: a side without a line is only "None" (no colour, no weight). */
export function lookText(format: Excel.CellPropertiesFormat): string {
  const borders: Record<string, Excel.CellBorder> = {};
  for (const [side, line] of Object.entries(format.borders ?? {}) as [string, Excel.CellBorder][])
    borders[side] = line.style === "None" || !line.style ? { style: "None" } : line;
  return JSON.stringify({ ...format, ...(format.borders ? { borders } : {}) });
}

/** The cell properties to set back for a look the ledger kept; null for none or another host's look. */
export function lookProperties(
  look: string | null | undefined
): Excel.SettableCellProperties | null {
  if (!look || !look.startsWith("{")) return null;
  try {
    return { format: JSON.parse(look) as Excel.CellPropertiesFormat };
  } catch {
    return null;
  }
}
