import type { SheetMetrics } from "../../../form/layout/noteBox";
import { SheetXml } from "./sheetXml";
import { child, childrenNamed } from "./xmlHelpers";

/** The row heights and column widths of a sheet being edited, for sizing notes (noteBox.ts). */
export function sheetMetrics(ws: SheetXml): SheetMetrics {
  const format = child(ws.root, "sheetFormatPr");
  const defaultHeight = Number(format?.getAttribute("defaultRowHeight") ?? "") || 15;
  const defaultWidth = Number(format?.getAttribute("defaultColWidth") ?? "") || 9.140625;
  const heights = new Map<number, number>();
  for (const row of childrenNamed(ws.sheetData, "row")) {
    const ht = Number(row.getAttribute("ht") ?? "");
    if (ht > 0) heights.set(Number(row.getAttribute("r")) - 1, ht);
  }
  const widths: { min: number; max: number; width: number }[] = [];
  const cols = child(ws.root, "cols");
  for (const col of cols ? childrenNamed(cols, "col") : []) {
    const hidden = col.getAttribute("hidden") === "1" || col.getAttribute("hidden") === "true";
    widths.push({
      min: Number(col.getAttribute("min")) - 1,
      max: Number(col.getAttribute("max")) - 1,
      width: hidden ? 0 : Number(col.getAttribute("width") ?? "") || defaultWidth,
    });
  }
  return {
    rowHeightPt: (r) => heights.get(r) ?? defaultHeight,
    columnWidthPx: (c) =>
      Math.round((widths.find((w) => c >= w.min && c <= w.max)?.width ?? defaultWidth) * 7),
  };
}
