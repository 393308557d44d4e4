/**
 * The 自评报告's wording rules of issue 21, one test each, on the five sample workbooks read as the
 * command reads them: no 部分达成 on a row at full marks or with a ratio ≥ 1; no ASCII comparison
 * sign and no "。，" in the prose; codes stripped from unit and department names (仁和 2022 prints
 * 主管部门 109101); a weight inferred from the printed scores named 推定 (武汉 prints none on two
 * rows); a reason cell holding "0" is not quoted as a reason; the summary table at the top.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { buildReport, scoredForms, type ReportModel, type ScoredForm } from "../../src/report";
import { reportDocx } from "../../src/report/docx";
import { indicatorFacts, standing } from "../../src/report/indicators";
import { runsText } from "../../src/report/model";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const FILES = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

const reports = new Map<string, { forms: ScoredForm[]; report: ReportModel; body: string }>();

beforeAll(async () => {
  for (const f of FILES) {
    const { grids } = await readWorkbookFile(path.join(SAMPLES, f));
    const outcome = scoreWorkbookGrids(grids);
    const forms = scoredForms(outcome.sheets, grids);
    const report = buildReport(forms);
    const body = [
      report.title,
      runsText(report.unit),
      ...report.projects.flatMap((p) => [p.title, ...p.blocks.map((b) => runsText(b.runs))]),
    ].join("\n");
    reports.set(f, { forms, report, body });
  }
}, 120_000);

test.each(FILES)("%s: no 部分达成 on a row at full marks or with a ratio of 100% or more", (f) => {
  const { forms, body } = reports.get(f)!;
  let checked = 0;
  for (const { result } of forms)
    for (const r of result.indicators) {
      const got = r.value ?? r.score;
      const share = r.ratio ?? r.completionRate;
      const full = got !== null && r.weight !== null && r.weight.gt(0) && got.gte(r.weight);
      // a row left to a person (manual, met unknown) stays 待人工评判
      if (r.met === null || (!full && !(share !== null && share.gte(1)))) continue;
      checked++;
      expect([r.name, standing(r)]).toEqual([r.name, "met"]);
      expect(body).not.toContain(`${indicatorFacts(r)}，部分达成目标`);
    }
  expect(checked).toBeGreaterThan(0);
});

test.each(FILES)("%s: prose without ASCII comparison signs or 。，", (f) => {
  const { body } = reports.get(f)!;
  expect(body).not.toMatch(/<=|>=|=<|=>|[<>]\s*\d/);
  expect(body).not.toMatch(/[。；][，,。]|[，,][。；]/);
});

test("昌吉: the form's <= and >= are printed ≤ and ≥", () => {
  const { body } = reports.get("003-changji-2024.xlsx")!;
  expect(body).toMatch(/≤/);
  expect(body).toMatch(/≥/);
});

test("仁和 2022: a department printed as its code 109101 is not named by the code", () => {
  const { body } = reports.get("001-renhe-2022.xlsx")!;
  expect(body).not.toMatch(/主管部门：\d/);
  expect(body).not.toContain("109101");
});

test("武汉: a weight inferred from the printed scores is named 推定", () => {
  const { forms, body } = reports.get("002-wuhan-2021.xlsx")!;
  const implied = forms.flatMap((s) =>
    s.result.indicators.filter((r) => r.weightSource === "implied")
  );
  expect(implied.length).toBeGreaterThan(0);
  // the rows recited (not fully met) carry it in the body
  expect(body).toMatch(/推定分值\d+(\.\d+)?分/);
  for (const r of implied) expect(indicatorFacts(r)).toMatch(/（推定分值[\d.]+分）/);
  expect(body).not.toMatch(/[^定]分值\d+\.\d{3,}分/);
});

test("a reason cell holding 0 is not quoted as a reason", async () => {
  const { grids } = await readWorkbookFile(path.join(SAMPLES, "004-fengtai-2020.xlsx"));
  const outcome = scoreWorkbookGrids(grids);
  const forms = scoredForms(outcome.sheets, grids);
  // the first form's first reason cell, set to 0 as some units fill an empty cell
  const first = forms[0];
  const row = first.form.indicators.find((r) => r.reason);
  if (!row?.reason) throw new Error("Fengtai's first form has no reason column");
  const indicators = first.form.indicators.map((r) =>
    r === row ? { ...r, reason: { ...row.reason!, value: 0 } } : r
  );
  const changed = [{ ...first, form: { ...first.form, indicators } }, ...forms.slice(1)];
  const body = buildReport(changed)
    .projects[0].blocks.map((b) => runsText(b.runs))
    .join("\n");
  expect(body).not.toContain("“0”");
});

test.each(FILES)("%s: the summary table lists every project with the body's figures", (f) => {
  const { forms, report, body } = reports.get(f)!;
  const rows = report.summary ?? [];
  expect(rows.length).toBe(forms.filter((s) => !/单位整体/.test(s.form.title ?? "")).length);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    // the total and the grade as the conclusion gives them
    if (r.grade !== "—") expect(body).toContain(`自评总分${r.total}分，自评等级为“${r.grade}”`);
    // the rate as the budget sentence gives it
    if (r.rate !== "—") expect(body).toContain(`预算执行率${r.rate}`);
  }
});

test("丰台's .docx: the summary table with its header before the first project", async () => {
  const { report } = reports.get("004-fengtai-2020.xlsx")!;
  const zip = await JSZip.loadAsync(await reportDocx(report));
  const xml = await zip.file("word/document.xml")!.async("string");
  const table = xml.indexOf("<w:tbl>");
  expect(table).toBeGreaterThan(0);
  expect(table).toBeLessThan(xml.indexOf(report.projects[0].title));
  const header = xml.slice(table, xml.indexOf("</w:tr>", table));
  for (const h of ["项目", "全年预算数", "执行数", "执行率", "总分", "等级"])
    expect(header).toContain(h);
  expect(header).toContain("<w:tblHeader/>");
  const summary = xml.slice(table, xml.indexOf("</w:tbl>", table));
  expect((summary.match(/<w:tr[ >]/g) ?? []).length).toBe((report.summary ?? []).length + 1);
});

test("丰台: one form evaluated by the department and thirteen by the unit, told as its own report tells them", () => {
  const own = fs.readFileSync(
    path.join(__dirname, "..", "fixtures", "seeds", "004_4b1a8b8cc6194ae9.txt"),
    "utf8"
  );
  const { report } = reports.get("004-fengtai-2020.xlsx")!;
  const unit = runsText(report.unit);
  const self = /单位自评项目13个，涉及金额2,803\.88万元，[^。；]*/.exec(own)?.[0];
  const department = /部门评价项目1个，涉及金额322\.06万元，[^。；]*/.exec(own)?.[0];
  expect(self && department).toBeTruthy();
  expect(unit).toContain(self as string);
  expect(unit).toContain(department as string);
  expect(unit).not.toContain("开展绩效自评，评价项目14个");
});
