/**
 * 落款 (issue 21) on the five sample workbooks: the unit the forms name (codes stripped) and a
 * date line at the end of the report, right-aligned in the .docx before 提交前请核对; forms that
 * name no unit get the yellow placeholder the report uses for every missing fact.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { buildReport, scoredForms, type ScoredForm } from "../../src/report";
import { reportDocx } from "../../src/report/docx";
import { formIdentity } from "../../src/report/identity";
import { runsText } from "../../src/report/model";
import { reportSheetLayout } from "../../src/report/sheet";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const FILES = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

const formsOf = new Map<string, ScoredForm[]>();

beforeAll(async () => {
  for (const f of FILES) {
    const { grids } = await readWorkbookFile(path.join(SAMPLES, f));
    formsOf.set(f, scoredForms(scoreWorkbookGrids(grids).sheets, grids));
  }
}, 120_000);

test.each(FILES)("%s: the report ends with the unit the forms name and a date line", async (f) => {
  const forms = formsOf.get(f)!;
  const report = buildReport(forms);
  const closing = report.closing ?? [];
  expect(closing).toHaveLength(2);
  const named = forms.map((s) => {
    const id = formIdentity(s.grid, s.form);
    return id.unit ?? id.implementer ?? id.department;
  });
  const unit = runsText(closing[0]);
  // one of the names the forms give, no code before it
  expect(named).toContain(unit);
  expect(unit).not.toMatch(/^\d/);
  expect(closing[1].every((r) => r.placeholder)).toBe(true);
  // in the .docx: right-aligned, after the last project, before 提交前请核对
  const xml = await (
    await JSZip.loadAsync(await reportDocx(report))
  )
    .file("word/document.xml")!
    .async("string");
  const at = xml.lastIndexOf(`<w:t xml:space="preserve">${unit}</w:t>`);
  expect(at).toBeGreaterThan(xml.indexOf(report.projects[report.projects.length - 1].title));
  const paragraph = xml.slice(xml.lastIndexOf("<w:p>", at), at);
  expect(paragraph).toContain('<w:jc w:val="right"/>');
  const checks = xml.indexOf("提交前请核对");
  if (checks >= 0) expect(at).toBeLessThan(checks);
  // the sheet shows it too
  expect(reportSheetLayout(report).rows.map((r) => r.text)).toContain(`\u3000\u3000${unit}`);
});

test("forms that name no unit: a yellow placeholder, not an empty line", async () => {
  const forms = formsOf.get("004-fengtai-2020.xlsx")!.map((s) => ({ ...s, grid: undefined }));
  const report = buildReport(forms);
  const [unit] = report.closing ?? [];
  expect(unit).toEqual([{ text: "（待填写：单位名称）", placeholder: true }]);
  const xml = await (
    await JSZip.loadAsync(await reportDocx(report))
  )
    .file("word/document.xml")!
    .async("string");
  const at = xml.lastIndexOf("（待填写：单位名称）");
  expect(xml.slice(xml.lastIndexOf("<w:r>", at), at)).toContain('<w:highlight w:val="yellow"/>');
});
