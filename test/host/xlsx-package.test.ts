import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listParts, shiftFormula, writePackage, type NewSheet } from "../../src/host/xlsx/package";
import type { CellEdit } from "../../src/form/plan";
import { injectParts, smallPng } from "../support/richPackage";

// ───────────── fixtures ─────────────

async function buildInput(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("丰台报");
  ws.getCell("A1").value = "项目名称";
  ws.getCell("A1").font = { bold: true };
  ws.getCell("A1").note = "待删除的批注";
  ws.getCell("B2").value = 5;
  ws.getCell("B2").note = "原有批注";
  ws.getCell("B3").value = 6;
  ws.getCell("B4").value = 7;
  ws.getCell("C2").value = { formula: "B2*2", result: 10 };
  ws.getCell("C3").value = { sharedFormula: "C2", result: 12 } as ExcelJS.CellValue;
  ws.getCell("C4").value = { sharedFormula: "C2", result: 14 } as ExcelJS.CellValue;
  ws.getCell("D4").value = 3.5;
  ws.getCell("D4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
  ws.getCell("D4").numFmt = "0.0";
  ws.mergeCells("A5:C5");
  ws.getCell("A5").value = "合并单元格";
  ws.getCell("H6").value = 8.8;
  ws.getCell("H6").border = { top: { style: "thin" } };
  ws.getCell("H7").value = "99.79分";
  ws.getCell("E2").dataValidation = { type: "list", allowBlank: true, formulae: ['"优,良,中,差"'] };
  ws.addConditionalFormatting({
    ref: "B2:B10",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["5"],
        priority: 1,
        style: { font: { bold: true } },
      },
    ],
  });
  wb.definedNames.add("'丰台报'!$A$1:$B$2", "myrange");
  const image = wb.addImage({ buffer: smallPng() as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, { tl: { col: 10, row: 10 }, ext: { width: 20, height: 20 } });
  const ws2 = wb.addWorksheet("Sheet2");
  ws2.getCell("A1").value = "类别";
  ws2.getCell("A2").value = "甲";
  ws2.getCell("B2").value = 3;
  ws2.getCell("D5").border = { bottom: { style: "thin" } }; // an empty cell with a style, like a 偏差原因 cell
  const base = Buffer.from(await wb.xlsx.writeBuffer());
  return injectParts(base);
}

// ───────────── reading the output ─────────────

async function partsOf(buf: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const name of await listParts(buf))
    out.set(name, Buffer.from(await zip.file(name)!.async("uint8array")));
  return out;
}

async function load(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return ((note as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}

function strictParse(text: string, name: string): ReturnType<DOMParser["parseFromString"]> {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${name}: ${level}: ${message}`);
    },
  }).parseFromString(text, "application/xml");
}

const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;

/** Every XML part is well-formed: xmllint --noout when present, else a strict parser. */
async function checkWellFormed(buf: Uint8Array): Promise<number> {
  const parts = [...(await partsOf(buf))].filter(([name]) => /\.(xml|rels|vml)$/i.test(name));
  if (hasXmllint) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pkg-xmllint-"));
    try {
      const files = parts.map(([name, bytes], i) => {
        const file = path.join(dir, `${i}-${path.basename(name).replace(/[^\w.]/g, "_")}`);
        fs.writeFileSync(file, bytes);
        return file;
      });
      const run = spawnSync("xmllint", ["--noout", ...files], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    for (const [name, bytes] of parts) strictParse(bytes.toString("utf8"), name);
  }
  return parts.length;
}

function resolve(source: string, target: string): string {
  const dir = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
  const out: string[] = [];
  for (const seg of (target.startsWith("/") ? target : `${dir}/${target}`).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** Every relationship points at a part, every Override names a part, every part has a content type. */
async function checkIntegrity(buf: Uint8Array): Promise<void> {
  const parts = await partsOf(buf);
  const lower = new Set([...parts.keys()].map((p) => p.toLowerCase()));
  for (const [name, bytes] of parts) {
    if (!name.endsWith(".rels")) continue;
    const source = name === "_rels/.rels" ? "" : name.replace(/_rels\/([^/]+)\.rels$/, "$1");
    const doc = strictParse(bytes.toString("utf8"), name);
    for (const r of Array.from(doc.getElementsByTagName("Relationship"))) {
      if (r.getAttribute("TargetMode") === "External") continue;
      const target = resolve(source, r.getAttribute("Target") ?? "");
      if (!lower.has(target.toLowerCase()))
        throw new Error(`${name}: ${r.getAttribute("Id")} → missing ${target}`);
    }
  }
  const ct = strictParse(parts.get("[Content_Types].xml")!.toString("utf8"), "ct");
  const overrides = Array.from(ct.getElementsByTagName("Override")).map((o) =>
    (o.getAttribute("PartName") ?? "").slice(1).toLowerCase()
  );
  for (const o of overrides) if (!lower.has(o)) throw new Error(`Override for missing part ${o}`);
  const defaults = new Set(
    Array.from(ct.getElementsByTagName("Default")).map((d) =>
      (d.getAttribute("Extension") ?? "").toLowerCase()
    )
  );
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!defaults.has(ext) && !overrides.includes(name.toLowerCase()))
      throw new Error(`no content type for ${name}`);
  }
}

// ───────────── the edits ─────────────

const S = "丰台报";
const edits: CellEdit[] = [
  {
    sheet: S,
    address: "H6",
    set: { value: 9.03, note: "评分说明\n预算执行率 90.32% × 10 = 9.03", fill: "FFC7CE" },
    why: "得分",
  },
  { sheet: S, address: "H8", set: { value: 0.903186, numberFormat: "0.00%" }, why: "执行率" },
  { sheet: S, address: "H7", set: { value: 99.79, numberFormat: "0.00" }, why: "得分" },
  { sheet: S, address: "J18", set: { value: "优" }, why: "等级" },
  { sheet: S, address: "K1", set: { value: true }, why: "测试" },
  { sheet: S, address: "D4", set: { value: null }, why: "恢复" },
  { sheet: S, address: "C2", set: { value: 10, formula: null }, why: "恢复" },
  {
    sheet: S,
    address: "H9",
    set: { formula: "=SUM(H6:H7)", value: 108.82, numberFormat: "0.000" },
    why: "总分",
  },
  { sheet: S, address: "A1", set: { note: null }, why: "撤销" },
  { sheet: S, address: "B6", set: { fill: "FFEB9C", note: "提示：<&> \"引号\" 'x'" }, why: "提示" },
];

function summary(label: string): NewSheet {
  return {
    name: "评分汇总",
    rows: [
      ["工作表", "项目", "总分", "等级"],
      [{ text: S, link: `'${S}'!A1` }, "《丰台报》相关费用", 95.43, "优"],
      ["Sheet2", label, 80, "良"],
      ["平均", null, { formula: "=AVERAGE(C2:C3)", value: 87.715 }, null],
    ],
    columnWidths: [14, 30, 10, 8],
    boldRows: [0],
    state: "veryHidden",
    chart: {
      title: "各表总分",
      categories: "A2:A3",
      values: "C2:C3",
      anchor: { fromCol: 5, fromRow: 1, toCol: 12, toRow: 16 },
    },
  };
}

// ───────────── tests ─────────────

describe("writePackage", () => {
  let input: Buffer;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await buildInput();
    output = await writePackage(input, edits, [summary("第一次")]);
  });

  test("the input fixture holds what ExcelJS would drop", async () => {
    const parts = await listParts(input);
    for (const p of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing9.xml",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "xl/vbaProject.bin",
      "xl/calcChain.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
    ])
      expect(parts).toContain(p);
    expect(parts.some((p) => /^xl\/media\/.+\.png$/.test(p))).toBe(true);
    expect(
      parts.some(
        (p) => /^xl\/drawings\/drawing\d\.xml$/.test(p) && p !== "xl/drawings/drawing9.xml"
      )
    ).toBe(true);
  });

  test("every input part survives; only the parts that had to change differ", async () => {
    const before = await partsOf(input);
    const after = await partsOf(output);
    const allowed = [
      /^xl\/worksheets\/sheet1\.xml$/, // the edited sheet
      /^xl\/styles\.xml$/,
      /^xl\/comments1\.xml$/,
      /^xl\/drawings\/vmlDrawing1\.vml$/,
      /^xl\/workbook\.xml$/,
      /(^|\/)_rels\/[^/]+\.rels$/,
      /^\[Content_Types\]\.xml$/,
      /^docProps\/app\.xml$/,
      /^xl\/calcChain\.xml$/,
    ];
    const changed: string[] = [];
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (!after.get(name)!.equals(bytes)) changed.push(name);
    }
    for (const name of changed) expect(allowed.some((re) => re.test(name))).toBe(true);
    // what must be byte-identical, named
    for (const name of [
      "xl/worksheets/sheet2.xml",
      "xl/charts/chart1.xml",
      "xl/drawings/drawing9.xml",
      "xl/drawings/_rels/drawing9.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "customXml/_rels/item1.xml.rels",
      "xl/vbaProject.bin",
      "xl/theme/theme1.xml",
      "xl/sharedStrings.xml",
      "xl/unknown/thing.dat",
      "docProps/core.xml",
    ])
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    for (const name of before.keys())
      if (/^xl\/media\//.test(name) || /^xl\/drawings\/drawing\d\.xml$/.test(name))
        expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    expect(changed).toEqual(
      expect.arrayContaining([
        "xl/worksheets/sheet1.xml",
        "xl/styles.xml",
        "xl/comments1.xml",
        "xl/workbook.xml",
      ])
    );
  });

  test("every XML part is well-formed and the package is consistent", async () => {
    expect(await checkWellFormed(output)).toBeGreaterThan(15);
    await checkIntegrity(input);
    await checkIntegrity(output);
  });

  test("edited cells read back through ExcelJS exactly as set", async () => {
    const wb = await load(output);
    const ws = wb.getWorksheet(S)!;
    expect(ws.getCell("H6").value).toBe(9.03);
    expect(ws.getCell("H6").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFC7CE" },
    });
    expect(ws.getCell("H6").border?.top?.style).toBe("thin"); // the cell's other style kept
    expect(noteText(ws.getCell("H6").note)).toBe("评分说明\n预算执行率 90.32% × 10 = 9.03");
    expect(ws.getCell("H8").value).toBe(0.903186);
    expect(ws.getCell("H8").numFmt).toBe("0.00%");
    expect(ws.getCell("H7").value).toBe(99.79);
    expect(ws.getCell("H7").numFmt).toBe("0.00");
    expect(ws.getCell("J18").value).toBe("优");
    expect(ws.getCell("K1").value).toBe(true);
    expect(ws.getCell("D4").value).toBeNull();
    expect(ws.getCell("D4").numFmt).toBe("0.0"); // value gone, style kept
    expect(ws.getCell("D4").fill).toMatchObject({ fgColor: { argb: "FFFF0000" } });
    expect(ws.getCell("C2").value).toBe(10);
    expect(ws.getCell("H9").formula).toBe("SUM(H6:H7)");
    expect(ws.getCell("H9").result).toBe(108.82);
    expect(ws.getCell("H9").numFmt).toBe("0.000");
    expect(ws.getCell("B6").fill).toMatchObject({ fgColor: { argb: "FFFFEB9C" } });
    expect(noteText(ws.getCell("B6").note)).toBe("提示：<&> \"引号\" 'x'");
    // the other notes: B2's survives, A1's is removed
    expect(noteText(ws.getCell("B2").note)).toBe("原有批注");
    expect(ws.getCell("A1").note).toBeUndefined();
    // untouched content
    expect(ws.getCell("A1").value).toBe("项目名称");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A5").value).toBe("合并单元格");
    expect(ws.getCell("C5").isMerged).toBe(true);
    expect(ws.getCell("E2").dataValidation?.formulae).toEqual(['"优,良,中,差"']);
    expect(wb.definedNames.getRanges("myrange").ranges).toEqual(["'丰台报'!$A$1:$B$2"]);
  });

  test("the sheet XML keeps rows sorted, dimension right, and the shared formula alive", async () => {
    const zip = await JSZip.loadAsync(output);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const doc = strictParse(xml, "sheet1");
    const rows = Array.from(doc.getElementsByTagName("row")).map((r) =>
      Number(r.getAttribute("r"))
    );
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
    for (const row of Array.from(doc.getElementsByTagName("row"))) {
      const cols = Array.from(row.getElementsByTagName("c")).map((c) =>
        c.getAttribute("r")!.replace(/\d+/, "")
      );
      const nums = cols.map((c) => [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
      expect(nums).toEqual([...nums].sort((a, b) => a - b));
    }
    expect(doc.getElementsByTagName("dimension")[0].getAttribute("ref")).toBe("A1:K18");
    // C2 was the shared formula's master: C3 takes over with the formula moved one row
    const c3 = Array.from(doc.getElementsByTagName("c")).find((c) => c.getAttribute("r") === "C3")!;
    const f = c3.getElementsByTagName("f")[0];
    expect(f.textContent).toBe("B3*2");
    expect(f.getAttribute("t")).toBe("shared");
    expect(f.getAttribute("ref")).toBe("C3:C4");
    const wb = await load(output);
    expect(wb.getWorksheet(S)!.getCell("C4").formula).toBe("B4*2");
    // the calc chain no longer lists C2 and keeps the sheet of the others
    const chain = await zip.file("xl/calcChain.xml")!.async("string");
    expect(chain).not.toContain('r="C2"');
    expect(chain).toContain('<c r="C3" i="1"/>');
    // Excel recalculates what depends on the new values
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(
      /<calcPr[^>]*fullCalcOnLoad="1"/
    );
  });

  test("notes are legacy comments with a VML shape each, in the sheet's existing parts", async () => {
    const zip = await JSZip.loadAsync(output);
    const comments = await zip.file("xl/comments1.xml")!.async("string");
    const refs = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(["B2", "B6", "H6"]);
    const vml = await zip.file("xl/drawings/vmlDrawing1.vml")!.async("string");
    const shapes = [...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map(
      (m) => `${m[1]},${m[2]}`
    );
    expect(shapes.sort()).toEqual(["1,1", "5,1", "5,7"]);
    const ids = [...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await listParts(output)).filter((p) => /comments\d*\.xml$/.test(p))).toEqual([
      "xl/comments1.xml",
    ]);
  });

  test("the new sheet reads back with rows, hyperlink, bold header, veryHidden state and a chart", async () => {
    const wb = await load(output);
    const ws = wb.getWorksheet("评分汇总")!;
    expect(ws).toBeDefined();
    expect(ws.state).toBe("veryHidden");
    expect(ws.getCell("A1").value).toBe("工作表");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B2").value).toBe("《丰台报》相关费用");
    expect(ws.getCell("C2").value).toBe(95.43);
    expect(ws.getCell("C4").formula).toBe("AVERAGE(C2:C3)");
    expect(ws.getCell("C4").result).toBe(87.715);
    // ExcelJS 4.4 reads only hyperlinks with an r:id; an internal one (location) reads as its text
    expect(ws.getCell("A2").text).toBe(S);
    expect(ws.getColumn(2).width).toBe(30);
    expect(wb.worksheets.map((w) => w.name)).toEqual([S, "Sheet2", "评分汇总"]);

    const zip = await JSZip.loadAsync(output);
    const sheetPart = await sheetPartOf(zip, "评分汇总");
    const sheetXml = strictParse(await zip.file(sheetPart)!.async("string"), sheetPart);
    const links = Array.from(sheetXml.getElementsByTagName("hyperlink"));
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute("ref")).toBe("A2");
    expect(links[0].getAttribute("location")).toBe(`'${S}'!A1`);
    expect(links[0].getAttribute("display")).toBe(S);
    expect(links[0].getAttribute("r:id")).toBeNull(); // internal: no relationship
    const sheetRels = await zip
      .file(sheetPart.replace(/([^/]+)$/, "_rels/$1.rels"))!
      .async("string");
    const drawingTarget = /Type="[^"]+\/drawing" Target="([^"]+)"/.exec(sheetRels)![1];
    const drawingPart = resolve(sheetPart, drawingTarget);
    expect(await zip.file(drawingPart)!.async("string")).toContain("<xdr:twoCellAnchor>");
    const drawingRels = await zip
      .file(drawingPart.replace(/([^/]+)$/, "_rels/$1.rels"))!
      .async("string");
    const chartPart = resolve(drawingPart, /Target="([^"]+)"/.exec(drawingRels)![1]);
    expect(chartPart).not.toBe("xl/charts/chart1.xml");
    const chart = await zip.file(chartPart)!.async("string");
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain("<c:f>'评分汇总'!$A$2:$A$3</c:f>");
    expect(chart).toContain("<c:f>'评分汇总'!$C$2:$C$3</c:f>");
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    expect(ct).toContain(
      `PartName="/${chartPart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`
    );
    expect(ct).toContain(
      `PartName="/${drawingPart}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`
    );
    const app = await zip.file("docProps/app.xml")!.async("string");
    expect(app).toContain("<vt:i4>3</vt:i4>");
    expect(app).toContain("<vt:lpstr>评分汇总</vt:lpstr>");
  });

  test("a second run replacing the summary leaves exactly one, and no orphan parts", async () => {
    const again = await writePackage(output, [], [summary("第二次")], {
      replaceSheets: ["评分汇总"],
    });
    const wb = await load(again);
    expect(wb.worksheets.filter((w) => w.name === "评分汇总")).toHaveLength(1);
    expect(wb.getWorksheet("评分汇总")!.getCell("B3").value).toBe("第二次");
    await checkIntegrity(again);
    await checkWellFormed(again);
    const first = await listParts(output);
    const second = await listParts(again);
    expect(second.filter((p) => /^xl\/charts\//.test(p))).toHaveLength(2); // the user's and the new summary's
    expect(second.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))).toHaveLength(3);
    expect(second.length).toBe(first.length);
    const app = await (await JSZip.loadAsync(again)).file("docProps/app.xml")!.async("string");
    expect(app.match(/<vt:lpstr>评分汇总<\/vt:lpstr>/g)).toHaveLength(1);
    // everything of the user's is still byte-identical
    const a = await partsOf(output);
    const b = await partsOf(again);
    for (const name of [
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/charts/chart1.xml",
      "customXml/item1.xml",
      "xl/vbaProject.bin",
      "xl/comments1.xml",
      "xl/styles.xml",
    ])
      expect(b.get(name)!.equals(a.get(name)!)).toBe(true);
  });

  test("replacing the summary with the same one gives the same workbook.xml and rels", async () => {
    const again = await writePackage(output, [], [summary("第一次")], {
      replaceSheets: ["评分汇总"],
    });
    const a = await partsOf(output);
    const b = await partsOf(again);
    for (const name of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/app.xml"])
      expect(b.get(name)!.toString()).toBe(a.get(name)!.toString());
  });

  test("scoring twice writes the same cells and styles as scoring once", async () => {
    const twice = await writePackage(output, edits, []);
    const a = await partsOf(output);
    const b = await partsOf(twice);
    expect(b.get("xl/styles.xml")!.toString()).toBe(a.get("xl/styles.xml")!.toString());
    expect(b.get("xl/worksheets/sheet1.xml")!.toString()).toBe(
      a.get("xl/worksheets/sheet1.xml")!.toString()
    );
    expect(b.get("xl/comments1.xml")!.toString()).toBe(a.get("xl/comments1.xml")!.toString());
  });

  test("a note-only edit leaves the sheet XML and styles alone", async () => {
    const out = await writePackage(
      input,
      [{ sheet: S, address: "B2", set: { note: "改过的批注" }, why: "提示" }],
      []
    );
    const a = await partsOf(input);
    const b = await partsOf(out);
    const changed = [...a.keys()].filter((name) => !b.get(name)!.equals(a.get(name)!));
    expect(changed.sort()).toEqual(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]);
    expect(noteText((await load(out)).getWorksheet(S)!.getCell("B2").note)).toBe("改过的批注");
  });

  test("notes on a sheet without comments create the parts; removing the last removes them", async () => {
    const notes: CellEdit[] = [
      { sheet: "Sheet2", address: "D5", set: { note: "新批注" }, why: "提示" },
      { sheet: "Sheet2", address: "C3", set: { note: "空单元格的批注" }, why: "提示" },
    ];
    const withNote = await writePackage(input, notes, []);
    await checkIntegrity(withNote);
    await checkWellFormed(withNote);
    const wb = await load(withNote);
    expect(noteText(wb.getWorksheet("Sheet2")!.getCell("D5").note)).toBe("新批注");
    expect(wb.getWorksheet("Sheet2")!.getCell("D5").border?.bottom?.style).toBe("thin");
    const zip = await JSZip.loadAsync(withNote);
    // C3 is empty and unstyled: ExcelJS 4.4 cannot show its note (it takes such a cell for a merge), Excel does
    const comments = await zip.file("xl/comments2.xml")!.async("string");
    expect([...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual([
      "C3",
      "D5",
    ]);
    expect(comments).toContain(">空单元格的批注</t>");
    const vml = await zip.file("xl/drawings/vmlDrawing2.vml")!.async("string");
    expect(
      [...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map(
        (m) => `${m[1]},${m[2]}`
      )
    ).toEqual(["2,2", "4,3"]);
    expect(vml).not.toMatch(/<v:shape[^>]* xmlns:/); // declarations only on the root
    const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    // the legacy drawing after the drawing, as the schema orders them
    expect(sheet2).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    const vmlParts = (await listParts(withNote)).filter((p) => p.endsWith(".vml"));
    expect(vmlParts).toHaveLength(2);
    const blocks = await Promise.all(
      vmlParts.map(async (p) => /data="(\d+)"/.exec(await zip.file(p)!.async("string"))![1])
    );
    expect(new Set(blocks).size).toBe(2); // each drawing its own block of shape ids

    const removed = await writePackage(
      withNote,
      notes.map((e) => ({ ...e, set: { note: null } })),
      []
    );
    await checkIntegrity(removed);
    expect((await listParts(removed)).sort()).toEqual((await listParts(input)).sort());
    const s2 = await (
      await JSZip.loadAsync(removed)
    )
      .file("xl/worksheets/sheet2.xml")!
      .async("string");
    expect(s2).not.toContain("legacyDrawing");
  });

  test("bad input is refused with a message, not a crash", async () => {
    await expect(writePackage(Buffer.from("not a zip"), [], [])).rejects.toThrow(
      /不是有效的 Excel 工作簿/
    );
    await expect(
      writePackage(input, [{ sheet: "没有这张表", address: "A1", set: { value: 1 }, why: "x" }], [])
    ).rejects.toThrow(/没有工作表/);
    await expect(writePackage(input, [], [{ ...summary("x"), name: "a/b" }])).rejects.toThrow(
      /不允许的字符/
    );
    await expect(writePackage(input, [], [{ ...summary("x"), name: "sheet2" }])).rejects.toThrow(
      /已存在/
    );
    await expect(
      writePackage(input, [], [{ ...summary("x"), name: "x".repeat(32) }])
    ).rejects.toThrow(/31/);
  });
});

describe("shiftFormula", () => {
  test("moves relative references only", () => {
    expect(shiftFormula("B2*2", 1, 0)).toBe("B3*2");
    expect(shiftFormula("SUM($A$1:A1)+Sheet2!C3", 2, 1)).toBe("SUM($A$1:B3)+Sheet2!D5");
    expect(shiftFormula("'My Sheet'!A1&\"A1\"", 1, 1)).toBe("'My Sheet'!B2&\"A1\"");
    expect(shiftFormula("LOG10(A1)+SUM(A:A)+SUM(1:1)", 1, 1)).toBe("LOG10(B2)+SUM(B:B)+SUM(2:2)");
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
    expect(shiftFormula("Table1[Col]+$A2", 1, 1)).toBe("Table1[Col]+$A3");
  });
});

async function sheetPartOf(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rid =
    new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1] ??
    new RegExp(`<sheet [^>]*r:id="([^"]+)"[^>]*name="${name}"`).exec(wb)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return resolve("xl/workbook.xml", target);
}

describe("writePackage on an Excel-style package", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
  const decl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;
  const rel = (id: string, type: string, target: string): string =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

  async function excelStyle(): Promise<Buffer> {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        [1, 2, 3]
          .map(
            (n) =>
              `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
          )
          .join("") +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`
    );
    zip.file(
      "_rels/.rels",
      `${decl}<Relationships xmlns="${PR}">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`
    );
    zip.file(
      "xl/workbook.xml",
      `${decl}<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="10000" activeTab="2"/></bookViews>` +
        `<sheets><sheet name="表A" sheetId="1" r:id="rId1"/><sheet name="评分汇总" sheetId="5" r:id="rId2"/><sheet name="表C" sheetId="3" r:id="rId3"/></sheets>` +
        `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">评分汇总!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">表C!$A$1:$B$2</definedName>` +
        `<definedName name="总分引用">'评分汇总'!$C$2</definedName><definedName name="keep">表A!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `${decl}<Relationships xmlns="${PR}">${rel("rId1", "worksheet", "worksheets/sheet1.xml")}${rel("rId2", "worksheet", "worksheets/sheet2.xml")}${rel("rId3", "worksheet", "worksheets/sheet3.xml")}${rel("rId4", "styles", "styles.xml")}${rel("rId5", "sharedStrings", "sharedStrings.xml")}${rel("rId6", "calcChain", "calcChain.xml")}</Relationships>`
    );
    zip.file(
      "xl/styles.xml",
      `${decl}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
    zip.file(
      "xl/sharedStrings.xml",
      `${decl}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>项目</t></si></sst>`
    );
    // cells without r (allowed: implied by position); a row style; an extLst after the legacy drawing's place
    zip.file(
      "xl/worksheets/sheet1.xml",
      `${decl}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><dimension ref="A1:B2"/><sheetData>` +
        `<row r="1" spans="1:2" x14ac:dyDescent="0.15"><c t="s"><v>0</v></c><c><v>2</v></c></row><row r="2" spans="1:2" s="1" customFormat="1"><c r="A2" s="1"><v>1</v></c></row></sheetData>` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>` +
        `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst></worksheet>`
    );
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `${decl}<Relationships xmlns="${PR}">${rel("rId1", "printerSettings", "../printerSettings/printerSettings1.bin")}</Relationships>`
    );
    zip.file(
      "xl/worksheets/sheet2.xml",
      `${decl}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>旧汇总</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup r:id="rId2"/><drawing r:id="rId1"/></worksheet>`
    );
    zip.file(
      "xl/worksheets/_rels/sheet2.xml.rels",
      `${decl}<Relationships xmlns="${PR}">${rel("rId1", "drawing", "../drawings/drawing1.xml")}${rel("rId2", "printerSettings", "../printerSettings/printerSettings1.bin")}</Relationships>`
    );
    zip.file(
      "xl/drawings/drawing1.xml",
      `${decl}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
    );
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `${decl}<Relationships xmlns="${PR}">${rel("rId1", "chart", "../charts/chart1.xml")}</Relationships>`
    );
    zip.file(
      "xl/charts/chart1.xml",
      `${decl}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`
    );
    zip.file("xl/printerSettings/printerSettings1.bin", Buffer.from([9, 8, 7]));
    zip.file(
      "xl/worksheets/sheet3.xml",
      `${decl}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1"><f>表A!B1*2</f><v>4</v></c></row></sheetData></worksheet>`
    );
    zip.file(
      "xl/calcChain.xml",
      `${decl}<calcChain xmlns="${MAIN}"><c r="B1" i="5"/><c r="B2"/><c r="A1" i="3"/></calcChain>`
    );
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  test("replacing a middle sheet fixes indexes, names, calc chain and drops only its own parts", async () => {
    const input = await excelStyle();
    const out = await writePackage(
      input,
      [
        { sheet: "表A", address: "B1", set: { value: 5 }, why: "得分" },
        { sheet: "表A", address: "C2", set: { note: "提示" }, why: "提示" },
      ],
      [{ name: "评分汇总", rows: [["新汇总"]] }],
      { replaceSheets: ["评分汇总"] }
    );
    await checkIntegrity(out);
    await checkWellFormed(out);
    const zip = await JSZip.loadAsync(out);
    const parts = await listParts(out);
    expect(parts).toContain("xl/printerSettings/printerSettings1.bin"); // still used by 表A
    expect(parts).not.toContain("xl/drawings/drawing1.xml");
    expect(parts).not.toContain("xl/charts/chart1.xml");
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    expect([...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "表A",
      "表C",
      "评分汇总",
    ]);
    expect(wbXml).toContain('activeTab="1"'); // 表C moved from index 2 to 1
    expect(wbXml).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="1">表C!$A$1:$B$2</definedName>'
    );
    expect(wbXml).not.toContain("总分引用");
    expect(wbXml).not.toContain("评分汇总!$A$1");
    expect(wbXml).toContain('<definedName name="keep">表A!$A$1</definedName>');
    expect(wbXml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(await zip.file("xl/calcChain.xml")!.async("string")).toContain(
      '<calcChain xmlns="' + MAIN + '"><c r="A1" i="3"/></calcChain>'
    );

    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet1).toContain('<c t="s" r="A1"><v>0</v></c><c r="B1"><v>5</v></c>'); // implied r made explicit
    // a new cell in a styled row takes the row's style; the row's spans widen
    expect(sheet1).toContain(
      '<row r="2" spans="1:3" s="1" customFormat="1"><c r="A2" s="1"><v>1</v></c><c r="C2" s="1"/></row>'
    );
    expect(sheet1).toContain('<dimension ref="A1:C2"/>');
    expect(sheet1).toMatch(/<pageSetup [^>]*\/><legacyDrawing r:id="rId3"\/><extLst>/);
    expect(sheet1).toContain('x14ac:dyDescent="0.15"');

    const wb = await load(out);
    expect(wb.getWorksheet("表A")!.getCell("B1").value).toBe(5);
    expect(noteText(wb.getWorksheet("表A")!.getCell("C2").note)).toBe("提示");
    expect(wb.getWorksheet("评分汇总")!.getCell("A1").value).toBe("新汇总");
  });

  test("an edited sheet keeps the bytes of what its edits do not touch", async () => {
    const zip = await JSZip.loadAsync(await excelStyle());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // single quotes, an empty element written with an end tag, a comment, references; and a row
    // whose cells leave out r (implied by position), which is made explicit
    const untouched = `<row r='4' spans="1:2"><c r='A4' t="inlineStr"><is><t>a&amp;b&#x4E00;</t></is></c><c r="B4"></c></row>`;
    const edited = sheet
      .replace("<sheetData>", "<sheetData><!-- 注释 -->")
      .replace(
        "</sheetData>",
        `<row r="3"><c><v>6</v></c><c></c><c><v>7</v></c></row>${untouched}</sheetData>`
      );
    zip.file("xl/worksheets/sheet1.xml", edited);
    const input = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const out = await writePackage(
      input,
      [{ sheet: "表A", address: "B2", set: { value: 8 }, why: "得分" }],
      []
    );
    const xml = await (
      await JSZip.loadAsync(out)
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(xml).toContain(`<sheetData><!-- 注释 -->`);
    expect(xml).toContain(untouched);
    expect(xml).toContain(
      '<row r="3"><c r="A3"><v>6</v></c><c r="B3"></c><c r="C3"><v>7</v></c></row>'
    );
    expect(xml).toContain('<c r="B2" s="1"><v>8</v></c>');
    expect(xml).toContain('<dimension ref="A1:C4"/>');
    expect(xml).toContain('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"');
    await checkWellFormed(out);
    const wb = await load(out);
    expect(wb.getWorksheet("表A")!.getCell("B2").value).toBe(8);
    expect(wb.getWorksheet("表A")!.getCell("C3").value).toBe(7);
    expect(wb.getWorksheet("表A")!.getCell("A4").value).toBe("a&b一");
  });

  test("a part that is not well-formed XML is refused with its name", async () => {
    const zip = await JSZip.loadAsync(await excelStyle());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    for (const [broken, why] of [
      [sheet.replace("</sheetData>", "</sheetDat>"), /不匹配/],
      [sheet.replace('<c r="A2" s="1">', '<c r="A2" s="1" s="2">'), /重复/],
      [sheet.replace("<v>1</v>", "<v>1 &nbsp;</v>"), /实体引用/],
      [sheet.replace('spans="1:2"', "spans=1:2"), /引号/],
      [sheet.replace("</worksheet>", ""), /没有结束标记/],
    ] as const) {
      zip.file("xl/worksheets/sheet1.xml", broken);
      const input = await zip.generateAsync({ type: "nodebuffer" });
      await expect(
        writePackage(input, [{ sheet: "表A", address: "A2", set: { value: 3 }, why: "x" }], [])
      ).rejects.toThrow(new RegExp(`^无法解析 xl/worksheets/sheet1\\.xml：.*${why.source}`));
    }
  });

  test.each([
    ["an element left open", "按钮<br></font>", `type="#_x0000_t201"`],
    ["an attribute written twice", "按钮<br/></font>", `type="#_x0000_t201" type="#_x0000_t201"`],
  ])(
    "VML that is not well-formed XML (%s) is edited as text, keeping its other shapes",
    async (_, button, type) => {
      const zip = await JSZip.loadAsync(await excelStyle());
      const vml =
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n` +
        ` <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout>` +
        `<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/></v:shapetype>` +
        `<v:shape id="_x0000_s1025" ${type} style='position:absolute;z-index:1'><v:textbox><div style='text-align:center'><font face="宋体" size="180">${button}</div></v:textbox><x:ClientData ObjectType="Button"><x:Anchor>1, 0, 3, 0, 3, 0, 5, 0</x:Anchor></x:ClientData></v:shape>` +
        `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
        `<v:shape id="_x0000_s1026" type="#_x0000_t202" style='position:absolute;visibility:hidden'><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;
      zip.file("xl/drawings/vmlDrawing1.vml", vml);
      zip.file(
        "xl/comments1.xml",
        `${decl}<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList><comment ref="A1" authorId="0"><text><t>旧</t></text></comment></commentList></comments>`
      );
      zip.file(
        "xl/worksheets/_rels/sheet1.xml.rels",
        `${decl}<Relationships xmlns="${PR}">${rel("rId1", "printerSettings", "../printerSettings/printerSettings1.bin")}${rel("rId2", "comments", "../comments1.xml")}${rel("rId3", "vmlDrawing", "../drawings/vmlDrawing1.vml")}</Relationships>`
      );
      const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file(
        "xl/worksheets/sheet1.xml",
        sheet.replace("<extLst>", `<legacyDrawing r:id="rId3"/><extLst>`)
      );
      let ct = await zip.file("[Content_Types].xml")!.async("string");
      ct = ct.replace(
        "</Types>",
        `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`
      );
      zip.file("[Content_Types].xml", ct);
      const input = await zip.generateAsync({ type: "nodebuffer" });

      const out = await writePackage(
        input,
        [
          { sheet: "表A", address: "A1", set: { note: null }, why: "撤销" },
          { sheet: "表A", address: "B2", set: { note: "新提示" }, why: "提示" },
        ],
        []
      );
      await checkIntegrity(out);
      const outZip = await JSZip.loadAsync(out);
      const after = await outZip.file("xl/drawings/vmlDrawing1.vml")!.async("string");
      expect(after).toContain(button); // the button, byte for byte
      expect(after).toContain(`<v:shape id="_x0000_s1025" ${type} style=`);
      expect(after).not.toContain('_x0000_s1026"'); // A1's note shape is gone
      expect(after).toMatch(
        /<v:shape id="_x0000_s\d+" type="#_x0000_t202"[^>]*>[\s\S]*<x:Row>1<\/x:Row><x:Column>1<\/x:Column>/
      );
      const comments = await outZip.file("xl/comments1.xml")!.async("string");
      expect([...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual([
        "B2",
      ]);
      expect(comments).toContain("<author>张三</author>"); // authors kept
    }
  );
});
