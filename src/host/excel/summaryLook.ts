import { toAddress } from "../../address";
import type { CellStyle, SheetLayout } from "../../form/layout/sheetLayout";
import type { QueueWrite } from "./summarySheet";
import { OP_BYTES } from "./session";

/**
 * The rest of the 评分汇总 layout through Office.js, as the .xlsx host draws it
 * (src/host/xlsx/sheetLayoutXml.ts): thin grey borders, wrapped text, alignment, blue underlined
 * links, row heights, and,
 * where this Excel has them, the frozen header row and links (ExcelApi 1.7), the auto-filter and
 * the page setup (1.9: A4, orientation, fit to pages wide, print titles, centred, page footer).
 * Below a set its part is left out quietly: the sheet still reads the same on screen.
 */
export interface LookApis {
  /** ExcelApi 1.7: freezePanes, Range.hyperlink. */
  readonly v17: boolean;
  /** ExcelApi 1.9: autoFilter, pageLayout, Range.copyFrom. */
  readonly v19: boolean;
}

export interface CellRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 1-based rectangles covering the cells whose style matches: runs along rows, stacked where alike. */
export function styleRects(layout: SheetLayout, match: (style: CellStyle) => boolean): CellRect[] {
  const out: CellRect[] = [];
  let open: CellRect[] = [];
  layout.rows.forEach((row, r0) => {
    const runs: CellRect[] = [];
    row.forEach((cell, c0) => {
      if (!cell?.style || !match(cell.style)) return;
      const last = runs[runs.length - 1];
      if (last && last.right === c0) runs[runs.length - 1] = { ...last, right: c0 + 1 };
      else runs.push({ top: r0 + 1, bottom: r0 + 1, left: c0 + 1, right: c0 + 1 });
    });
    const next: CellRect[] = [];
    for (const run of runs) {
      const above = open.find((o) => o.left === run.left && o.right === run.right);
      if (above) {
        open = open.filter((o) => o !== above);
        next.push({ ...above, bottom: run.bottom });
      } else next.push(run);
    }
    out.push(...open);
    open = next;
  });
  return [...out, ...open];
}

export function rectText(r: CellRect): string {
  const a = toAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toAddress(r.bottom, r.right)}`;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const BORDER_COLOR = "#808080";
const LINK_COLOR = "#0563C1";

/** Borders, wrap, alignment and row heights: every ExcelApi set has them. */
export async function renderCellLook(
  ws: Excel.Worksheet,
  layout: SheetLayout,
  add: QueueWrite
): Promise<void> {
  for (const r of styleRects(layout, (s) => !!s.border)) {
    const sides = [
      ...EDGES,
      ...(r.right > r.left ? ["InsideVertical" as const] : []),
      ...(r.bottom > r.top ? ["InsideHorizontal" as const] : []),
    ];
    // two actions a side, on getRange, format, borders and a getItem a side
    await add(
      sides.length * (80 + 2 * OP_BYTES),
      () => {
        const borders = ws.getRange(rectText(r)).format.borders;
        for (const side of sides) {
          const b = borders.getItem(side);
          b.style = "Continuous";
          b.color = BORDER_COLOR;
        }
      },
      3 + sides.length
    );
  }
  for (const r of styleRects(layout, (s) => !!s.wrap))
    await add(
      60,
      () => {
        ws.getRange(rectText(r)).format.wrapText = true;
      },
      2
    );
  for (const h of ["left", "center", "right"] as const)
    for (const r of styleRects(layout, (s) => s.horizontal === h))
      await add(
        60,
        () => {
          ws.getRange(rectText(r)).format.horizontalAlignment =
            h === "left" ? "Left" : h === "center" ? "Center" : "Right";
        },
        2
      );
  for (const r of styleRects(layout, (s) => !!(s.wrap || s.horizontal || s.border)))
    await add(
      60,
      () => {
        ws.getRange(rectText(r)).format.verticalAlignment = "Center";
      },
      2
    );
  // links blue and underlined, whether hyperlinks or HYPERLINK formulas
  for (const r of styleRects(layout, (s) => !!s.link))
    await add(
      80 + OP_BYTES,
      () => {
        const font = ws.getRange(rectText(r)).format.font;
        font.color = LINK_COLOR;
        font.underline = "Single";
      },
      3
    );
  for (const [r0, points] of layout.rowHeights)
    await add(
      60,
      () => {
        ws.getRange(`${r0 + 1}:${r0 + 1}`).format.rowHeight = points;
      },
      2
    );
}

/** The layout's links as hyperlinks (1.7): each cell already holds its text. */
export async function renderLinks(
  ws: Excel.Worksheet,
  layout: SheetLayout,
  add: QueueWrite
): Promise<void> {
  for (const [r0, row] of layout.rows.entries())
    for (const [c0, cell] of row.entries()) {
      if (!cell?.link) continue;
      const link = cell.link;
      await add(link.length * 3 + 120, () => {
        ws.getRange(toAddress(r0 + 1, c0 + 1)).hyperlink = {
          documentReference: link,
          textToDisplay: String(cell.value ?? ""),
        };
      });
    }
}

/** The frozen header row (1.7), the auto-filter and the page setup (1.9). */
export async function renderSheetLook(
  ws: Excel.Worksheet,
  layout: SheetLayout,
  apis: LookApis,
  add: QueueWrite
): Promise<void> {
  if (apis.v17 && layout.freezeRows > 0)
    await add(80, () => ws.freezePanes.freezeRows(layout.freezeRows));
  if (!apis.v19) return;
  const filter = layout.autoFilter;
  if (filter) await add(80, () => ws.autoFilter.apply(ws.getRange(filter)));
  const page = layout.page;
  await add(400 + page.footer.length * 3, () => {
    const p = ws.pageLayout;
    p.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
    p.paperSize = "A4";
    if (page.fitToWidth > 0 || page.fitToHeight > 0)
      p.zoom = { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.fitToHeight };
    p.centerHorizontally = true;
    if (page.titleRows) p.setPrintTitleRows(`$${page.titleRows.first}:$${page.titleRows.last}`);
    const footer = centreSection(page.footer);
    if (footer) p.headersFooters.defaultForAllPages.centerFooter = footer;
  });
}

/** The centre section of an Excel header/footer code ("&C第 &P 页" → "第 &P 页"). */
export function centreSection(code: string): string {
  const m = /&C((?:(?!&[LR]).)*)/s.exec(code);
  if (m) return m[1];
  return /&[LR]/.test(code) ? "" : code;
}
