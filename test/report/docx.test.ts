import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { reportDocx } from "../../src/report/docx";
import { seedReport } from "./support";

/** The .docx of the Fengtai sample, opened back as Word would read it. */
const report = seedReport("004").report;
let bytes: Uint8Array;
let xml: string;
let footer: string;
let styles: string;

beforeAll(async () => {
  bytes = await reportDocx(report);
  const zip = await JSZip.loadAsync(bytes);
  xml = await (zip.file("word/document.xml") as JSZip.JSZipObject).async("string");
  styles = await (zip.file("word/styles.xml") as JSZip.JSZipObject).async("string");
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  footer = (
    await Promise.all(footers.map((n) => (zip.file(n) as JSZip.JSZipObject).async("string")))
  ).join("");
});

interface Look {
  eastAsia: string[];
  sizes: string[];
  firstLine: string | null;
  center: boolean;
}

/** What a piece of WordprocessingML says about fonts, sizes, indent and alignment. */
function look(x: string): Look {
  return {
    eastAsia: [...x.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]),
    sizes: [...x.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]),
    firstLine: /<w:ind [^>]*w:firstLine="(\d+)"/.exec(x)?.[1] ?? null,
    center: /<w:jc w:val="center"\/>/.test(x),
  };
}

/** Each paragraph's text and how it looks: its own properties, else its paragraph style's (as Word resolves them). */
function paragraphs(): ({ text: string } & Look)[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => {
    const styleId = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
    const style = styleId
      ? (new RegExp(`<w:style [^>]*w:styleId="${styleId}"[^>]*>([\\s\\S]*?)</w:style>`).exec(
          styles
        )?.[1] ?? "")
      : "";
    const own = look(p);
    const inherited = look(style);
    return {
      text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
      eastAsia: own.eastAsia.length ? own.eastAsia : inherited.eastAsia,
      sizes: own.sizes.length ? own.sizes : inherited.sizes,
      firstLine: own.firstLine ?? inherited.firstLine,
      center: own.center || inherited.center,
    };
  });
}

describe("the 自评报告 .docx", () => {
  it("is A4 portrait with the official margins and a page number in the footer", () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(footer).toMatch(/PAGE/);
  });

  it("has its title in 宋体 二号, headings in 黑体 三号, the body in 仿宋 三号 indented two characters", () => {
    const ps = paragraphs();
    const title = ps.find((p) => p.text === report.title);
    expect(title).toMatchObject({ eastAsia: ["宋体"], sizes: ["44"], center: true });
    for (const h of [
      "一、项目基本情况",
      "二、绩效目标完成情况",
      "三、自评结论",
      "四、偏差原因分析及改进措施",
      "五、其他需要说明的问题",
    ]) {
      const found = ps.filter((p) => p.text === h);
      expect(found).toHaveLength(report.projects.length);
      for (const p of found) expect(p).toMatchObject({ eastAsia: ["黑体"], sizes: ["32"] });
    }
    const budget = ps.find((p) =>
      p.text.startsWith("全年预算数322.06万元，全年执行数290.88万元，预算执行率90.32%")
    );
    expect(budget).toMatchObject({ firstLine: "640", sizes: ["32"] });
    expect(new Set(budget?.eastAsia)).toEqual(new Set(["仿宋"]));
    // the unit paragraph, then each project under its own title
    expect(ps.some((p) => p.text.includes("评价项目14个，涉及金额3,125.94万元"))).toBe(true);
    expect(ps.filter((p) => p.text.endsWith("绩效自评报告") && p.center)).toHaveLength(
      1 + report.projects.length
    );
  });

  it("highlights every placeholder and keeps 提交前请核对 after the body", () => {
    const placeholders = [
      ...xml.matchAll(/<w:highlight w:val="yellow"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g),
    ].map((m) => m[1]);
    expect(placeholders).toContain("（待填写：“按照年度预算执行”的偏差原因及改进措施）");
    expect(placeholders.every((t) => t.startsWith("（待填写："))).toBe(true);
    const checkAt = xml.indexOf("提交前请核对");
    expect(checkAt).toBeGreaterThan(xml.lastIndexOf("五、其他需要说明的问题"));
    // one table a project (issue 21): its sheet in the heading, the cell in the first column
    const checks = xml.slice(checkAt);
    expect(checks).toContain("（《丰台报》相关费用）</w:t>");
    expect(checks).toMatch(/<w:t xml:space="preserve">H23<\/w:t>[\s\S]*?总分填写为/);
    // each prompt names its cell once
    expect(checks).not.toContain("《丰台报》相关费用!H23");
  });

  // LibreOffice Writer (libreoffice-writer-nogui, installed by .ci/run) opens the .docx
  it("opens in LibreOffice headless and converts to a PDF of A4 pages", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-docx-"));
    const file = path.join(dir, "报告.docx");
    fs.writeFileSync(file, bytes);
    // a private profile: other soffice processes on the machine cannot lock this one out
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        file,
      ],
      { stdio: "pipe", timeout: 170_000 }
    );
    const pdf = path.join(dir, "报告.pdf");
    expect(fs.existsSync(pdf)).toBe(true);
    const head = fs.readFileSync(pdf).subarray(0, 5).toString("latin1");
    expect(head).toBe("%PDF-");
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    if (info.status === 0) {
      expect(info.stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBeGreaterThan(
        report.projects.length
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
