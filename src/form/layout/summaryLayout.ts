import { groupThousands } from "../../engine/format";
import { rectAddress } from "../../address";
import { SEVERITY_FILL } from "../writePlan";
import type { Summary, SummaryCell } from "../summary";
import {
  columnPixels,
  linesHeight,
  textWidth,
  wrappedLines,
  type CellStyle,
  type LayoutCell,
  type SheetLayout,
} from "./sheetLayout";
import { CHART_ROWS, GRADE_CHART_TITLE, SUMMARY_FOOTER } from "./words";

/**
 * The one 评分汇总 layout (issue 12 item 3), both hosts render it (pure): widths from content,
 * long text wrapped, numbers with the formats a finance report uses, bordered tables with a
 * frozen header row and an auto-filter, a colour key, the grade chart beside the grade counts
 * (or a sentence where nothing was scored), A4 landscape one page wide with the header row
 * repeated and the page number in the footer.
 */

/** Number formats of the forms table's columns (A 工作表 … I 提示条数). */
const FORM_FORMATS: readonly (string | undefined)[] = [
  undefined,
  undefined,
  undefined,
  "#,##0.00",
  "#,##0.00",
  "0.00%",
  "0.00",
  undefined,
  "0",
];

/** Widest a column grows (characters) before its text wraps; B holds project names and prompts. */
const MAX_WIDTH = [28, 44, 12, 18, 18, 10, 10, 12, 10];
const MIN_WIDTH = 6;
const HEADING_FILL = "D9E1F2";
/** Rows of the forms table a landscape A4 page holds (the header row repeats past that). */
const FORMS_ON_A_PAGE = 25;
/** The chart's width in pixels beside the grade counts. */
const CHART_PIXELS = 480;

const HEADING: CellStyle = {
  bold: true,
  border: true,
  wrap: true,
  horizontal: "center",
  fill: HEADING_FILL,
};

function shownText(cell: SummaryCell, format: string | undefined): string {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.text;
  if (typeof cell === "number") {
    if (format === "0.00%") return `${(cell * 100).toFixed(2)}%`;
    // #,##0.00 as Excel shows it (not toLocaleString: Intl's first use costs ~20 ms)
    if (format === "#,##0.00") return groupThousands(cell.toFixed(2));
    if (format === "0.00") return cell.toFixed(2);
    return String(cell);
  }
  return String(cell);
}

interface Region {
  readonly top: number;
  readonly bottom: number;
  readonly formats?: readonly (string | undefined)[];
  readonly wrapCols?: readonly number[];
}

export function summaryLayout(summary: Summary, name: string): SheetLayout {
  const t = summary.tables;
  const width = Math.max(9, ...summary.rows.map((r) => r.length));
  const tables: Region[] = [
    { top: t.forms.heading, bottom: t.forms.last, formats: FORM_FORMATS, wrapCols: [0, 1] },
    { top: t.grades.heading, bottom: t.grades.last, formats: [undefined, "0"] },
    { top: t.prompts.heading, bottom: t.prompts.last, wrapCols: [0, 1] },
    ...(t.skipped ? [{ top: t.skipped.heading, bottom: t.skipped.last, wrapCols: [0, 1] }] : []),
  ];
  const regionOf = (r: number): Region | undefined =>
    tables.find((x) => r >= x.top && r <= x.bottom);
  const averages = new Set([t.forms.last + 3, t.forms.last + 4]);
  const text = new Set(summary.textRows);

  // widths from content: every table cell and label, not the free sentences (they overflow)
  const widths = Array.from({ length: width }, () => MIN_WIDTH);
  summary.rows.forEach((row, r) => {
    if (text.has(r) && r !== summary.keyRow) return;
    const region = regionOf(r);
    row.forEach((cell, c) => {
      const w = textWidth(shownText(cell, region?.formats?.[c])) + 2;
      widths[c] = Math.max(widths[c], Math.min(w, MAX_WIDTH[c] ?? 16));
    });
  });

  const rowHeights = new Map<number, number>();
  const rows = summary.rows.map((row, r): (LayoutCell | null)[] => {
    const region = regionOf(r);
    const heading = summary.headingRows.includes(r);
    let lines = 1;
    const cells = row.map((cell, c): LayoutCell | null => {
      const format = heading ? undefined : region?.formats?.[c];
      const shown = shownText(cell, format);
      const need = text.has(r) ? 1 : wrappedLines(shown, widths[c]);
      const wraps = need > 1;
      lines = Math.max(lines, need);
      let style: CellStyle | undefined;
      if (heading) style = HEADING;
      else if (region) style = { border: true, numberFormat: format, wrap: wraps || undefined };
      else if (averages.has(r) && c === 1) style = { numberFormat: "0.00" };
      else if (wraps) style = { wrap: true };
      else if (r === summary.keyRow && c > 0)
        style = { border: true, fill: Object.values(SEVERITY_FILL)[c - 1], horizontal: "center" };
      else if (r === summary.keyRow) style = { bold: true };
      if (cell !== null && typeof cell === "object")
        return { value: cell.text, link: cell.link, style: { ...style, link: true } };
      if (cell === null && !region) return null;
      return { value: cell, ...(style ? { style } : {}) };
    });
    // a table row is bordered across the table's width
    if (region) {
      const span = summary.rows[region.top].length;
      for (let c = cells.length; c < span; c++)
        cells.push({ value: null, style: heading ? HEADING : { border: true } });
    }
    if (lines > 1) rowHeights.set(r, linesHeight(lines));
    return cells;
  });

  return {
    name,
    rows,
    widths,
    rowHeights,
    freezeRows: 1,
    autoFilter: rectAddress({
      top: t.forms.heading + 1,
      left: 1,
      bottom: Math.max(t.forms.last, t.forms.heading) + 1,
      right: summary.rows[t.forms.heading].length,
    }),
    page: {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      // the header row repeats where the forms table runs past a page; where it does not, the
      // later pages (prompts) are not headed with the forms table's columns
      titleRows: t.forms.last + 1 > FORMS_ON_A_PAGE ? { first: 1, last: 1 } : null,
      footer: SUMMARY_FOOTER,
    },
    chart: summary.scored > 0 ? gradeChart(summary, widths) : null,
  };
}

/** The grade chart beside the grade counts: from column C, about CHART_PIXELS wide. */
function gradeChart(summary: Summary, widths: readonly number[]): SheetLayout["chart"] {
  const fromCol = 2;
  let toCol = fromCol;
  let px = 0;
  while (px < CHART_PIXELS) px += columnPixels(widths[toCol++] ?? 9);
  const fromRow = summary.tables.grades.heading;
  return {
    title: GRADE_CHART_TITLE,
    categories: summary.gradeRange.categories,
    values: summary.gradeRange.values,
    anchor: { fromCol, fromRow, toCol, toRow: fromRow + CHART_ROWS - 1 },
    majorUnit: 1,
  };
}

/** Pixels from the sheet's left edge to a 0-based column's left edge, at 100% zoom. */
export function leftPixels(layout: SheetLayout, col: number): number {
  let px = 0;
  for (let c = 0; c < col; c++) px += columnPixels(layout.widths[c] ?? 8.43);
  return px;
}
