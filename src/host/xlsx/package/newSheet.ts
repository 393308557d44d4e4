import { type CellScalar } from "../../../engine/types";
import { columnLetters, parseRange, toAddress } from "../../../address";
import { layoutDefinedNames, layoutRowAttrs, layoutSheetXml } from "../sheetLayoutXml";
import { numberText } from "./cells";
import { addChart } from "./chart";
import { CT, NS, REL, WORKBOOK_ORDER, XML_DECL } from "./constants";
import { Package } from "./opc";
import { NewSheet, NewSheetCell } from "./types";
import { updateAppTitles } from "./appTitles";
import { Workbook } from "./workbook";
import { child, createLike, insertOrdered, setRelId } from "./xmlHelpers";
import { XML_INVALID, escAttr, escText, plainText, xstring } from "./xmlText";

/** New sheets (评分汇总, the state sheet): validated names, rows, links, bold headers, widths, state, a layout (sheetLayoutXml.ts). */

export const INVALID_SHEET_CHARS = /[\\/?*[\]:]/;

export function validateSheetName(name: string, taken: Set<string>): void {
  if (typeof name !== "string" || name.trim() === "") throw new Error("工作表名称不能为空");
  if (name.length > 31) throw new Error(`工作表名称“${name}”超过 31 个字符`);
  if (INVALID_SHEET_CHARS.test(name))
    throw new Error(`工作表名称“${name}”含有 Excel 不允许的字符（\\ / ? * [ ] :）`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw new Error(`工作表名称“${name}”不能以单引号开头或结尾`);
  if (name.toLowerCase() === "history") throw new Error("工作表名称“History”是 Excel 的保留名称");
  if (XML_INVALID.test(name)) {
    XML_INVALID.lastIndex = 0;
    throw new Error(`工作表名称“${name}”含有控制字符`);
  }
  XML_INVALID.lastIndex = 0;
  if (taken.has(name.toLowerCase())) throw new Error(`工作表“${name}”已存在`);
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function absoluteRange(range: string): string {
  const r = parseRange(range.replace(/\$/g, ""));
  const a = `$${columnLetters(r.left)}$${r.top}`;
  const b = `$${columnLetters(r.right)}$${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

export function scalarOf(cell: NewSheetCell | undefined): CellScalar {
  if (cell === undefined || cell === null) return null;
  if (typeof cell !== "object") return cell;
  if ("link" in cell) return cell.text;
  return cell.value;
}

export function rangeValues(rows: NewSheetCell[][], range: string): CellScalar[] {
  const r = parseRange(range.replace(/\$/g, ""));
  const out: CellScalar[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(scalarOf(rows[row - 1]?.[col - 1]));
  return out;
}

export function valueXml(
  value: CellScalar,
  inFormula: boolean
): { t: string | null; inner: string } {
  if (value === null || value === undefined) return { t: null, inner: "" };
  if (typeof value === "number")
    return Number.isFinite(value)
      ? { t: null, inner: `<v>${numberText(value)}</v>` }
      : { t: "e", inner: "<v>#NUM!</v>" };
  if (typeof value === "boolean") return { t: "b", inner: `<v>${value ? 1 : 0}</v>` };
  const text = escText(xstring(value));
  return inFormula
    ? { t: "str", inner: `<v>${text}</v>` }
    : { t: "inlineStr", inner: `<is><t xml:space="preserve">${text}</t></is>` };
}

export async function addSheet(pkg: Package, wb: Workbook, spec: NewSheet): Promise<void> {
  const styles = await wb.styles();
  const bold = new Set(spec.boldRows ?? []);
  const boldXf = bold.size > 0 ? styles.boldXf() : 0;
  const needsLink = spec.rows.some((r) =>
    r.some((c) => c !== null && typeof c === "object" && "link" in c)
  );
  const linkXf = needsLink ? styles.linkXf() : 0;

  const rowsXml: string[] = []; // the pieces of <sheetData>, joined once
  const links: string[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const letters: string[] = [];
  spec.rows.forEach((cells, r0) => {
    const rowStart = rowsXml.length;
    rowsXml.push(`<row r="${r0 + 1}"${spec.layout ? layoutRowAttrs(spec.layout, r0) : ""}>`);
    cells.forEach((cell, c0) => {
      const ref = (letters[c0] ??= columnLetters(c0 + 1)) + (r0 + 1);
      const laid = spec.layout?.rows[r0]?.[c0]?.style;
      let style = bold.has(r0) ? boldXf : 0;
      let body: { t: string | null; inner: string };
      if (cell !== null && typeof cell === "object" && "link" in cell) {
        body = valueXml(cell.text, false);
        style = laid ? styles.layoutXf(laid) : linkXf;
        const location = cell.link.replace(/^#/, "");
        links.push(
          `<hyperlink ref="${ref}" location="${escAttr(plainText(location))}" display="${escAttr(plainText(cell.text))}"/>`
        );
      } else if (cell !== null && typeof cell === "object" && "formula" in cell) {
        const v = valueXml(cell.value, true);
        body = {
          t: v.t,
          inner: `<f>${escText(plainText(cell.formula.replace(/^=/, "")))}</f>${v.inner}`,
        };
      } else {
        body = valueXml(cell as CellScalar, false);
        if ((body.inner === "" || cell === "") && !laid) return;
      }
      if (laid && !(cell !== null && typeof cell === "object" && "link" in cell))
        style = styles.layoutXf(laid);
      rowsXml.push(
        `<c r="${ref}"${style ? ` s="${style}"` : ""}${body.t ? ` t="${body.t}"` : ""}>`,
        body.inner,
        "</c>"
      );
      top = Math.min(top, r0 + 1);
      bottom = Math.max(bottom, r0 + 1);
      left = Math.min(left, c0 + 1);
      right = Math.max(right, c0 + 1);
    });
    if (rowsXml.length > rowStart + 1) rowsXml.push("</row>");
    else rowsXml.pop(); // no cell: no row
  });
  const dimension = bottom === 0 ? "A1" : `${toAddress(top, left)}:${toAddress(bottom, right)}`;
  const laidXml = spec.layout ? layoutSheetXml(spec.layout) : null;
  const cols = (spec.columnWidths ?? [])
    .map((w, i) =>
      typeof w === "number" && Number.isFinite(w) && w > 0
        ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`
        : ""
    )
    .join("");

  const part = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  let drawingXml = "";
  if (spec.chart) {
    const drawingRid = await addChart(pkg, part, spec);
    drawingXml = `<drawing r:id="${drawingRid}"/>`;
  }
  pkg.create(
    part,
    `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
      (laidXml?.sheetPr ?? "") +
      `<dimension ref="${dimension}"/>` +
      (laidXml?.sheetViews ?? "") +
      (laidXml ? laidXml.cols : cols ? `<cols>${cols}</cols>` : "") +
      `<sheetData>${rowsXml.join("")}</sheetData>` +
      (laidXml?.autoFilter ?? "") +
      (links.length > 0 ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
      (laidXml?.printOptions ?? "") +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      (laidXml ? laidXml.pageSetup + laidXml.headerFooter : "") +
      drawingXml +
      `</worksheet>`
  );
  await pkg.setOverride(part, CT.worksheet);

  // workbook.xml and its rels
  const rid = wb.rels.add(REL.worksheet, part);
  let sheets = child(wb.root, "sheets");
  if (!sheets) {
    sheets = createLike(wb.root, "sheets");
    insertOrdered(wb.root, sheets, WORKBOOK_ORDER);
  }
  const sheetId = Math.max(0, ...wb.sheets().map((s) => s.sheetId)) + 1;
  const el = createLike(wb.root, "sheet");
  el.setAttribute("name", spec.name);
  el.setAttribute("sheetId", String(sheetId));
  if (spec.state && spec.state !== "visible") el.setAttribute("state", spec.state);
  setRelId(el, rid);
  sheets.appendChild(el);
  wb.sheetsChanged();
  wb.touch();
  if (spec.layout) wb.addLocalNames(layoutDefinedNames(spec.layout), wb.sheets().length - 1);
  await updateAppTitles(pkg, [], [spec.name]);
}
