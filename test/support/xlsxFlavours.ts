/**
 * The same small self-evaluation form as five tools write it — Excel, LibreOffice, WPS, openpyxl,
 * ExcelJS — each with an accountant's own note on a score cell (G5), an image and a chart: the
 * reader must read them all, the writer keep every byte of what it does not edit. The XML follows
 * each tool's habits: prefixes or a default namespace, where the comments part lives, notes with
 * runs or a bare <t>, absolute or relative relationship targets, formulas without a cached value,
 * inline strings, WPS's in-cell pictures.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { smallPng } from "./richPackage";
import { formSheet } from "./smallForm";

export type Flavour = "excel" | "libreoffice" | "wps" | "openpyxl" | "exceljs";
export const FLAVOURS: readonly Flavour[] = ["excel", "libreoffice", "wps", "openpyxl", "exceljs"];

/** The accountant's note on G5 as each tool stores it, and the text a reader must give. */
export const PERSONAL_NOTE: Record<Flavour, { xml: string; text: string; author: string }> = {
  excel: {
    author: "张三",
    text: "张三:\n期数以出版合同为准",
    xml: `<text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>张三:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n期数以出版合同为准</t></r></text>`,
  },
  libreoffice: {
    author: "李四",
    text: "期数以出版合同为准",
    xml: `<text><r><rPr><sz val="10"/><rFont val="Arial"/><family val="2"/></rPr><t xml:space="preserve">期数以出版合同为准</t></r></text>`,
  },
  wps: {
    author: "王五",
    text: "王五:\n期数以出版合同为准 & 附件", // CR LF reads as a line break
    xml: `<text><r><rPr><b/><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>王五:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">_x000D_\n期数以出版合同为准 &amp; 附件</t></r></text>`,
  },
  openpyxl: {
    author: "赵六",
    text: "期数以出版合同为准",
    xml: `<text><t>期数以出版合同为准</t></text>`,
  },
  exceljs: { author: "", text: "期数以出版合同为准", xml: "" },
};

const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const CT = "application/vnd.openxmlformats-officedocument";

/** The form (as test/support/smallForm.ts lays it out), with 执行率 a formula in F3. */
const ROWS: (string | number | null)[][] = [
  ["项目名称", "测试项目"],
  ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["年度资金总额", 100, 100, 95, 10, null, null],
  [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ],
  ["产出指标", "数量指标", "出版期数", "≥10期", "12期", 45, null, null],
  ["效益指标", "社会效益指标", "影响力", "有效提升", "有效提升", 45, null, null],
  ["总分", null, null, null, null, 100, null],
];

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const col = (c: number): string => String.fromCharCode(64 + c);
const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="${type.includes("/") ? type : `${R}/${type}`}" Target="${target}"/>`;
const rels = (...list: string[]): string =>
  `${DECL}<Relationships xmlns="${PR}">${list.join("")}</Relationships>`;

/** The sheet's XML and the shared strings it uses, in the flavour's manner. */
function sheetXml(f: Flavour, strings: string[]): string {
  const rows = ROWS.map((cells, i) => {
    const r = i + 1;
    const cs = cells.map((v, j) => {
      const ref = `${col(j + 1)}${r}`;
      const style = r === 4 ? ` s="1"` : r === 3 && j >= 1 && j <= 3 ? ` s="2"` : "";
      if (r === 3 && j === 5) {
        const cached = f === "openpyxl" ? "<v></v>" : "<v>0.95</v>";
        const aca = f === "libreoffice" ? ` aca="false"` : "";
        return `<c r="${ref}" s="3"><f${aca}>D3/C3</f>${cached}</c>`;
      }
      if (v === null) return "";
      if (typeof v === "number")
        return `<c r="${ref}"${style}${f === "libreoffice" ? ` t="n"` : ""}><v>${v}</v></c>`;
      if (f === "libreoffice" && r === 7)
        return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
      strings.push(v);
      return `<c r="${ref}"${style} t="s"><v>${strings.length - 1}</v></c>`;
    });
    const spans = f === "openpyxl" ? "" : ` spans="1:8"`;
    return `<row r="${r}"${spans}>${cs.join("")}</row>`;
  }).join("");
  const head =
    f === "excel" || f === "wps"
      ? `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`
      : `<worksheet xmlns="${MAIN}" xmlns:r="${R}">`;
  return (
    `${DECL}${head}<dimension ref="A1:H7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="18" customWidth="1"/></cols>` +
    `<sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="B1:D1"/></mergeCells>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`
  );
}

const STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00_ "/></numFmts>` +
  `<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>` +
  `<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const CHART =
  `${DECL}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart>` +
  `<c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
  `<c:cat><c:strRef><c:f>'自评表'!$C$5:$C$6</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'自评表'!$F$5:$F$6</c:f></c:numRef></c:val>` +
  `</c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
  `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

/** The drawing: a picture and a chart; openpyxl writes it with a default namespace, the others with xdr:. */
function drawingXml(f: Flavour): string {
  const x = f === "openpyxl" ? "" : "xdr:";
  const ns = f === "openpyxl" ? `xmlns="${XDR}"` : `xmlns:xdr="${XDR}"`;
  const anchor = (from: number, inner: string): string =>
    `<${x}oneCellAnchor><${x}from><${x}col>9</${x}col><${x}colOff>0</${x}colOff><${x}row>${from}</${x}row><${x}rowOff>0</${x}rowOff></${x}from>` +
    `<${x}ext cx="952500" cy="952500"/>${inner}<${x}clientData/></${x}oneCellAnchor>`;
  const pic =
    `<${x}pic><${x}nvPicPr><${x}cNvPr id="1" name="Image 1"/><${x}cNvPicPr/></${x}nvPicPr><${x}blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></${x}blipFill>` +
    `<${x}spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></${x}spPr></${x}pic>`;
  const frame =
    `<${x}graphicFrame macro=""><${x}nvGraphicFramePr><${x}cNvPr id="2" name="Chart 1"/><${x}cNvGraphicFramePr/></${x}nvGraphicFramePr>` +
    `<${x}xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></${x}xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="rId2"/></a:graphicData></a:graphic></${x}graphicFrame>`;
  return `${DECL}<${x}wsDr ${ns} xmlns:a="${A}" xmlns:r="${R}">${anchor(0, pic)}${anchor(8, frame)}</${x}wsDr>`;
}

function vmlXml(): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:400pt;margin-top:60pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>6</x:Column></x:ClientData></v:shape></xml>`
  );
}

/** The form written by hand in the flavour's manner (every flavour but ExcelJS). */
async function handWritten(f: Flavour): Promise<Buffer> {
  const zip = new JSZip();
  const strings: string[] = [];
  const sheet = sheetXml(f, strings);
  const abs = f === "openpyxl"; // openpyxl writes absolute targets
  const t = (rel: string, absolute: string): string => (abs ? absolute : rel);
  const comments = f === "openpyxl" ? "xl/comments/comment1.xml" : "xl/comments1.xml";
  const vml = f === "openpyxl" ? "xl/drawings/commentsDrawing1.vml" : "xl/drawings/vmlDrawing1.vml";
  const note = PERSONAL_NOTE[f];
  zip.file("xl/worksheets/sheet1.xml", sheet);
  zip.file(
    "xl/worksheets/sheet2.xml",
    `${DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>附件</t></is></c></row></sheetData></worksheet>`
  );
  zip.file(
    "xl/sharedStrings.xml",
    `${DECL}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`
  );
  zip.file("xl/styles.xml", STYLES);
  zip.file(
    comments,
    `${DECL}<comments xmlns="${MAIN}"><authors><author>${note.author}</author></authors><commentList><comment ref="G5" authorId="0">${note.xml}</comment></commentList></comments>`
  );
  zip.file(vml, vmlXml());
  zip.file("xl/drawings/drawing1.xml", drawingXml(f));
  zip.file("xl/media/image1.png", smallPng());
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels(
      rel("rId1", "image", t("../media/image1.png", "/xl/media/image1.png")),
      rel("rId2", "chart", t("../charts/chart1.xml", "/xl/charts/chart1.xml"))
    )
  );
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    rels(
      rel("rId1", "drawing", t("../drawings/drawing1.xml", "/xl/drawings/drawing1.xml")),
      rel("rId2", "vmlDrawing", t(`../${vml.slice(3)}`, `/${vml}`)),
      rel("rId3", "comments", t(`../${comments.slice(3)}`, `/${comments}`))
    )
  );
  const wpsImages =
    f === "wps"
      ? rel("rId9", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml")
      : "";
  if (f === "wps")
    zip.file(
      "xl/cellimages.xml",
      `${DECL}<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" xmlns:xdr="${XDR}"/>`
    );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels(
      rel("rId1", "worksheet", t("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml")),
      rel("rId2", "worksheet", t("worksheets/sheet2.xml", "/xl/worksheets/sheet2.xml")),
      rel("rId3", "styles", t("styles.xml", "/xl/styles.xml")),
      rel("rId4", "sharedStrings", t("sharedStrings.xml", "/xl/sharedStrings.xml")),
      wpsImages
    )
  );
  zip.file(
    "xl/workbook.xml",
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      `<sheet name="自评表" sheetId="1"${f === "openpyxl" ? ` state="visible"` : ""} r:id="rId1"/><sheet name="附件" sheetId="2" state="hidden" r:id="rId2"/></sheets><calcPr calcId="191029"/></workbook>`
  );
  zip.file("_rels/.rels", rels(rel("rId1", "officeDocument", "xl/workbook.xml")));
  const o = (part: string, type: string): string =>
    `<Override PartName="/${part}" ContentType="${type}"/>`;
  zip.file(
    "[Content_Types].xml",
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` +
      o("xl/workbook.xml", `${CT}.spreadsheetml.sheet.main+xml`) +
      o("xl/worksheets/sheet1.xml", `${CT}.spreadsheetml.worksheet+xml`) +
      o("xl/worksheets/sheet2.xml", `${CT}.spreadsheetml.worksheet+xml`) +
      o("xl/styles.xml", `${CT}.spreadsheetml.styles+xml`) +
      o("xl/sharedStrings.xml", `${CT}.spreadsheetml.sharedStrings+xml`) +
      o(comments, `${CT}.spreadsheetml.comments+xml`) +
      o("xl/drawings/drawing1.xml", `${CT}.drawing+xml`) +
      o("xl/charts/chart1.xml", `${CT}.drawingml.chart+xml`) +
      `</Types>`
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** ExcelJS's own output (its note with runs, its image), with a chart added into its drawing. */
async function excelJsWritten(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = formSheet(wb, "自评表");
  ws.mergeCells("B1:D1");
  ws.getCell("F3").value = { formula: "D3/C3", result: 0.95 };
  ws.getCell("F3").numFmt = "0.00%";
  ws.getCell("A4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("G5").note = PERSONAL_NOTE.exceljs.text;
  const image = wb.addImage({ buffer: smallPng() as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, { tl: { col: 9, row: 0 }, ext: { width: 100, height: 100 } });
  const hidden = wb.addWorksheet("附件", { state: "hidden" });
  hidden.getCell("A1").value = "附件";
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
  const frame = drawingXml("excel").match(
    /<xdr:oneCellAnchor>(?:(?!<xdr:oneCellAnchor>).)*graphicFrame.*<\/xdr:oneCellAnchor>/
  )![0];
  zip.file(
    "xl/drawings/drawing1.xml",
    drawing.replace(
      /<\/xdr:wsDr>$/,
      `${frame.replace(/r:id="rId2"/, 'r:id="rIdChart"')}</xdr:wsDr>`
    )
  );
  const drels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string");
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    drels.replace(
      "</Relationships>",
      `${rel("rIdChart", "chart", "../charts/chart1.xml")}</Relationships>`
    )
  );
  zip.file("xl/charts/chart1.xml", CHART);
  const ct = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    ct.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/></Types>`
    )
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export function flavourWorkbook(f: Flavour): Promise<Buffer> {
  return f === "exceljs" ? excelJsWritten() : handWritten(f);
}
