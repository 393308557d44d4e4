import type { CellStyle, SheetLayout } from "../../form/layout/sheetLayout";
import type { NewSheet } from "./package";

/**
 * The SpreadsheetML pieces of a laid-out new sheet (src/form/layout/sheetLayout.ts): style parts
 * (fill, border, alignment) as plain element descriptions for styles.xml, and the worksheet's
 * fragments in schema order — sheetPr (fit to page), sheetViews (frozen rows), cols, autoFilter,
 * printOptions, pageSetup, headerFooter — and the defined names (print titles, filter database).
 */
export interface XmlNode {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly children?: readonly XmlNode[];
}

const THIN: XmlNode[] = ["left", "right", "top", "bottom"].map((side) => ({
  name: side,
  attrs: { style: "thin" },
  children: [{ name: "color", attrs: { rgb: "FF808080" } }],
}));

export function layoutStyleParts(style: CellStyle): {
  fill: XmlNode | null;
  border: XmlNode | null;
  alignment: XmlNode | null;
} {
  const fill: XmlNode | null = style.fill
    ? {
        name: "fill",
        children: [
          {
            name: "patternFill",
            attrs: { patternType: "solid" },
            children: [
              { name: "fgColor", attrs: { rgb: `FF${style.fill.toUpperCase()}` } },
              { name: "bgColor", attrs: { indexed: "64" } },
            ],
          },
        ],
      }
    : null;
  const border: XmlNode | null = style.border
    ? { name: "border", children: [...THIN, { name: "diagonal" }] }
    : null;
  const attrs: Record<string, string> = {};
  if (style.horizontal) attrs.horizontal = style.horizontal;
  if (style.wrap || style.horizontal || style.border) attrs.vertical = "center";
  if (style.wrap) attrs.wrapText = "1";
  const alignment = Object.keys(attrs).length > 0 ? { name: "alignment", attrs } : null;
  return { fill, border, alignment };
}

function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The worksheet fragments, each "" when the layout has nothing for it. */
export function layoutSheetXml(layout: SheetLayout): {
  sheetPr: string;
  sheetViews: string;
  cols: string;
  autoFilter: string;
  printOptions: string;
  pageSetup: string;
  headerFooter: string;
} {
  const page = layout.page;
  const fit = page.fitToWidth > 0 || page.fitToHeight > 0;
  const frozen = layout.freezeRows > 0;
  const top = `A${layout.freezeRows + 1}`;
  return {
    sheetPr: fit ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "",
    sheetViews:
      `<sheetViews><sheetView workbookViewId="0"${frozen ? "" : ` tabSelected="0"`}>` +
      (frozen
        ? `<pane ySplit="${layout.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
          `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
        : "") +
      `</sheetView></sheetViews>`,
    cols: layout.widths.length
      ? `<cols>${layout.widths
          .map(
            (w, i) =>
              `<col min="${i + 1}" max="${i + 1}" width="${Math.min(Math.max(w, 1), 255)}" customWidth="1"/>`
          )
          .join("")}</cols>`
      : "",
    autoFilter: layout.autoFilter ? `<autoFilter ref="${layout.autoFilter}"/>` : "",
    printOptions: `<printOptions horizontalCentered="1"/>`,
    pageSetup:
      `<pageSetup paperSize="${page.paper === "A4" ? 9 : 1}" orientation="${page.orientation}"` +
      (fit ? ` fitToWidth="${page.fitToWidth}" fitToHeight="${page.fitToHeight}"` : "") +
      `/>`,
    headerFooter: page.footer
      ? `<headerFooter><oddFooter>${esc(page.footer)}</oddFooter></headerFooter>`
      : "",
  };
}

/** Row attributes of a laid-out row (0-based): its height where its wrapped text needs one. */
export function layoutRowAttrs(layout: SheetLayout, r0: number): string {
  const ht = layout.rowHeights.get(r0);
  return ht ? ` ht="${ht}" customHeight="1"` : "";
}

/** Defined names the sheet needs, for workbook.xml (localSheetId is the sheet's index). */
export function layoutDefinedNames(
  layout: SheetLayout
): { name: string; text: string; hidden: boolean }[] {
  const quoted = `'${layout.name.replace(/'/g, "''")}'`;
  const out: { name: string; text: string; hidden: boolean }[] = [];
  if (layout.autoFilter) {
    const [a, b] = layout.autoFilter.split(":");
    const abs = (ref: string): string => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    out.push({
      name: "_xlnm._FilterDatabase",
      text: `${quoted}!${abs(a)}:${abs(b ?? a)}`,
      hidden: true,
    });
  }
  const t = layout.page.titleRows;
  if (t)
    out.push({
      name: "_xlnm.Print_Titles",
      text: `${quoted}!$${t.first}:$${t.last}`,
      hidden: false,
    });
  return out;
}

/** The new sheet writePackage adds for a layout: its rows (values and links), chart and layout. */
export function newSheetFromLayout(layout: SheetLayout): NewSheet {
  return {
    name: layout.name,
    rows: layout.rows.map((row) =>
      row.map((c) =>
        c === null ? null : c.link ? { text: String(c.value ?? ""), link: c.link } : c.value
      )
    ),
    chart: layout.chart ?? undefined,
    layout,
  };
}
