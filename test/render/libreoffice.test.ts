/**
 * The scored samples as an accountant opens and prints them, in LibreOffice headless (.ci/run
 * installs libreoffice-calc-nogui and poppler-utils): every part of every scored copy is
 * well-formed XML, LibreOffice converts each copy to PDF, each form sheet prints on exactly as many
 * pages as in the input, and 评分汇总 prints A4 landscape, one page wide, with its colour key and
 * profile names in Chinese. PNGs of one form and of 评分汇总 are kept under test-artifacts/render/.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { scoreFile } from "../../src/cli/scoreFile";
import { STATE_SHEET } from "../../src/form/state";
import { SUMMARY_SHEET } from "../../src/form/summary";
import {
  convertToPdf,
  pagesBySheet,
  pdfPages,
  printCopy,
  renderPng,
  sheetNames,
} from "../support/libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLES = fs
  .readdirSync(path.join(ROOT, "samples"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const ARTIFACTS = path.join(ROOT, "test-artifacts", "render");
const RENDERED = "004-fengtai-2020";

let dir: string;
const scored = new Map<string, Buffer>();
const pdfs = new Map<string, string>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "render-"));
  const files: string[] = [];
  const put = (name: string, bytes: Buffer): void => {
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, bytes);
    files.push(file);
  };
  for (const sample of SAMPLES) {
    const base = sample.replace(/\.xlsx$/, "");
    const input = fs.readFileSync(path.join(ROOT, "samples", sample));
    const report = await scoreFile({
      file: path.join(ROOT, "samples", sample),
      profile: "auto",
      outDir: dir,
      dryRun: false,
    });
    expect(report.error ?? null).toBeNull();
    const out = fs.readFileSync(report.output as string);
    scored.set(base, out);
    const ours = (n: string): boolean => n === STATE_SHEET || n.startsWith(SUMMARY_SHEET);
    put(`${base}.in`, await printCopy(input, () => true, true));
    put(`${base}.out`, await printCopy(out, (n) => !ours(n), true));
    if (base === RENDERED) {
      const first = (await sheetNames(out))[0].name;
      put(`${base}.summary`, await printCopy(out, (n) => n === SUMMARY_SHEET, false));
      put(`${base}.form`, await printCopy(out, (n) => n === first, false));
    }
  }
  convertToPdf(files, dir).forEach((pdf, i) =>
    pdfs.set(path.basename(files[i]).replace(/\.xlsx$/, ""), pdf)
  );
}, 600_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("every part of every scored copy is well-formed XML (nothing for a spreadsheet program to repair)", async () => {
  const partsDir = path.join(dir, "parts");
  const xmlFiles: string[] = [];
  for (const [base, bytes] of scored) {
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name].dir || !/\.(xml|rels|vml)$/i.test(name)) continue;
      const file = path.join(partsDir, base, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, await zip.files[name].async("nodebuffer"));
      xmlFiles.push(file);
    }
  }
  expect(xmlFiles.length).toBeGreaterThan(SAMPLES.length * 5);
  // one xmllint for all the parts: it exits non-zero on the first malformed one
  expect(() => execFileSync("xmllint", ["--noout", ...xmlFiles], { stdio: "pipe" })).not.toThrow();
});

test.each(SAMPLES.map((s) => s.replace(/\.xlsx$/, "")))(
  "%s: LibreOffice prints every form sheet of the scored copy on as many pages as the input",
  (base) => {
    const before = pagesBySheet(pdfs.get(`${base}.in`) as string);
    const after = pagesBySheet(pdfs.get(`${base}.out`) as string);
    expect(before.size).toBeGreaterThan(0);
    expect([...before.values()].every((n) => n > 0)).toBe(true);
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  }
);

test("评分汇总 prints A4 landscape, one page wide, with Chinese profile names and the colour key", () => {
  const pdf = pdfs.get(`${RENDERED}.summary`) as string;
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
  expect(Math.round(w)).toBe(842); // A4 landscape, points
  expect(Math.round(h)).toBe(595);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toContain("红：错误");
  expect(text).toContain("北京");
  expect(text).not.toMatch(/\b(national|beijing|hubei|xinjiang|sichuan)\b/);
  expect(text).toMatch(/第 1 页，共 \d+ 页/);
  // one page wide: every column of the forms table is on the first page
  const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"], {
    encoding: "utf8",
  });
  for (const heading of ["工作表", "项目名称", "执行率", "总分", "等级", "提示条数"])
    expect(first).toContain(heading);
});

test("PNG renderings of one scored form and of 评分汇总 are kept for review", () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of fs.readdirSync(ARTIFACTS)) fs.rmSync(path.join(ARTIFACTS, f));
  const formPdf = pdfs.get(`${RENDERED}.form`) as string;
  const form = renderPng(formPdf, path.join(ARTIFACTS, "form"), pdfPages(formPdf));
  const summary = renderPng(
    pdfs.get(`${RENDERED}.summary`) as string,
    path.join(ARTIFACTS, "summary"),
    pdfPages(pdfs.get(`${RENDERED}.summary`) as string)
  );
  expect(form.length).toBeGreaterThan(0);
  expect(summary.length).toBeGreaterThan(0);
  for (const png of [...form, ...summary]) expect(fs.statSync(png).size).toBeGreaterThan(10_000);
});
