/**
 * The 评分汇总 layout written into a scored copy by the command (src/host/xlsx/sheetLayoutXml.ts):
 * frozen header row, auto-filter and its hidden filter database name, A4 landscape fitted one page
 * wide, the header row repeated, the page number footer, wrapped and bordered cells, number formats,
 * hyperlink elements to each form, and a chart that steps by whole forms.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { scoreFile } from "../../src/cli/scoreFile";
import { summaryLayout } from "../../src/form/layout/summaryLayout";
import { buildSummary } from "../../src/form/summary";
import { layoutDefinedNames } from "../../src/host/xlsx/sheetLayoutXml";

let zip: JSZip;
let sheetXml = "";
let workbookXml = "";

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "summary-layout-"));
  const file = path.join(__dirname, "..", "..", "samples", "004-fengtai-2020.xlsx");
  const report = await scoreFile({ file, profile: "auto", outDir: dir, dryRun: false });
  zip = await JSZip.loadAsync(fs.readFileSync(report.output as string));
  workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const rid = /<sheet name="评分汇总" sheetId="\d+" r:id="(rId\d+)"/.exec(workbookXml)?.[1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(
    `Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`
  ).exec(rels);
  sheetXml = await zip
    .file(`xl/${(target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "")}`)!
    .async("string");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the summary sheet is frozen below its header row, filtered, and set up for A4 landscape one page wide", () => {
  expect(sheetXml).toMatch(
    /^<\?xml[^>]*\?>\s*<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /
  );
  expect(sheetXml).toContain(
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
  );
  expect(sheetXml).toMatch(/<autoFilter ref="A1:I15"\/>/);
  expect(sheetXml).toContain(
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
  );
  expect(sheetXml).toContain("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>");
  const layout = summaryLayout(buildSummary([]), "评分汇总");
  // 14 forms fit on the first page: no repeated header over the prompts' pages
  expect(workbookXml).not.toContain("_xlnm.Print_Titles");
  expect(
    layoutDefinedNames({ ...layout, page: { ...layout.page, titleRows: { first: 1, last: 1 } } })
  ).toContainEqual({ name: "_xlnm.Print_Titles", text: "'评分汇总'!$1:$1", hidden: false });
  expect(workbookXml).toMatch(
    /<definedName name="_xlnm._FilterDatabase" localSheetId="\d+" hidden="1">'评分汇总'!\$A\$1:\$I\$15<\/definedName>/
  );
});

test("widths from content, wrapped rows as tall as their lines, and links as hyperlink elements", () => {
  const widths = [...sheetXml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) =>
    Number(m[2])
  );
  expect(widths).toHaveLength(9);
  expect(Math.max(...widths)).toBeLessThanOrEqual(44);
  expect(sheetXml).toMatch(/<row r="\d+" ht="\d+" customHeight="1">/);
  expect(sheetXml).toContain(`<hyperlink ref="A2" location="'《丰台报》相关费用'!A1"`);
  expect(sheetXml).not.toContain("HYPERLINK(");
});

test("number formats 0.00% and 0.00 and thin borders are in the styles; the chart steps by 1", async () => {
  const styles = await zip.file("xl/styles.xml")!.async("string");
  expect(styles).toMatch(/<xf numFmtId="10"[^>]*borderId="[1-9]/); // 0.00%, bordered
  expect(styles).toMatch(/<xf numFmtId="4"[^>]*borderId="[1-9]/); // #,##0.00
  expect(styles).toMatch(/<left style="thin"><color rgb="FF808080"\/><\/left>/);
  expect(styles).toMatch(/<alignment[^>]*wrapText="1"/);
  const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  const chart = await zip.file(charts[charts.length - 1])!.async("string");
  expect(chart).toContain('<c:majorUnit val="1"/>');
  expect(chart).toContain("自评等级分布");
});
