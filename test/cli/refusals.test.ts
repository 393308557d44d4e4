/**
 * Honest refusals through `selfeval` (issue 23): every file that cannot be scored is named, with
 * what it is or what is damaged in the accountant's words, in every mode (--dry-run included:
 * exit 1 and the JSON's "error"), nothing is written for it, and the batch goes on past it.
 * Every hostile file is made at test time (test/support/hostileZip.ts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { main } from "../../src/cli/main";
import { ZIP_LIMITS } from "../../src/host/xlsx/package/zipLimits";
import {
  bombSheet,
  entry,
  formEntries,
  replaced,
  zipOf,
  type RawEntry,
} from "../support/hostileZip";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-refuse-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface FileJson {
  file: string;
  output: string | null;
  error?: string;
  warnings?: string[];
  sheets?: unknown[];
}

async function score(
  files: string[],
  ...flags: string[]
): Promise<{ status: number; byName: Map<string, FileJson>; err: string }> {
  let out = "";
  let err = "";
  const status = await main(["score", ...files, "--json", ...flags], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
  });
  const parsed = JSON.parse(out) as { files: FileJson[] };
  return { status, byName: new Map(parsed.files.map((f) => [path.basename(f.file), f])), err };
}

function textOf(entries: readonly RawEntry[], name: string): string {
  return zlib.inflateRawSync(entries.find((e) => e.name === name)!.data).toString("utf8");
}

function put(name: string, data: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

/** The refusal of one file, in --dry-run and in a real run: the same message, nothing written. */
async function refused(file: string): Promise<string> {
  const dry = await score([file], "--dry-run", "--jobs", "1");
  expect(dry.status).toBe(1);
  const real = await score([file], "--jobs", "1", "--out", path.join(tmp, "out"));
  expect(real.status).toBe(1);
  const name = path.basename(file);
  expect(real.byName.get(name)?.error).toBe(dry.byName.get(name)?.error);
  expect(real.byName.get(name)?.output).toBeNull();
  expect(fs.existsSync(path.join(tmp, "out")) ? fs.readdirSync(path.join(tmp, "out")) : []).toEqual(
    []
  );
  return dry.byName.get(name)?.error ?? "";
}

describe("selfeval refuses what it cannot score, and says why", () => {
  test("an .xls, an encrypted workbook, a CSV, an empty file: what each is and how to save it as .xlsx", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1000),
    ]);
    expect(await refused(put("旧.xls", ole))).toMatch(
      /^无法读取 旧\.xls：这是旧版 Excel 97–2003 工作簿（\.xls），不是 \.xlsx：请在 Excel 或 WPS 中打开它，“文件 → 另存为”/
    );
    const encrypted = Buffer.concat([ole, Buffer.from("EncryptionInfo", "utf16le"), ole]);
    expect(await refused(put("加密.xlsx", encrypted))).toMatch(
      /^无法读取 加密\.xlsx：工作簿设置了打开密码（已加密）.*清空密码后保存/
    );
    expect(await refused(put("表.csv", "项目名称,全年预算数\n测试,100\n"))).toMatch(
      /^无法读取 表\.csv：这是 CSV 文本文件，不是 Excel 工作簿：请在 Excel 或 WPS 中打开它/
    );
    expect(await refused(put("空.xlsx", ""))).toBe(
      "无法读取 空.xlsx：文件是空的（0 字节），可能没有保存完整"
    );
  });

  test("a sound OpenDocument spreadsheet is not called damaged: how to save it as .xlsx in LibreOffice, WPS or Excel", async () => {
    const ods = zipOf([
      entry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
      entry(
        "META-INF/manifest.xml",
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
      ),
      entry(
        "content.xml",
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
      ),
    ]);
    const why = await refused(put("表格.ods", ods));
    expect(why).toMatch(
      /^无法读取 表格\.ods：这是 OpenDocument 电子表格（\.ods），不是 \.xlsx：请在 LibreOffice Calc 中“文件 → 另存为”.*WPS、Excel/
    );
    expect(why).not.toContain("损坏");
  });

  test("a truncated workbook is said to be cut short", async () => {
    const whole = zipOf(await formEntries());
    expect(await refused(put("截断.xlsx", whole.subarray(0, Math.floor(whole.length * 0.7))))).toBe(
      "无法读取 截断.xlsx：文件不完整（可能在下载、复制或保存时被截断），请重新获取或重新保存原文件"
    );
  });

  test("a damaged sheet fails the file under --dry-run too, naming the file and the sheet by its name", async () => {
    const entries = await formEntries();
    const sheet = textOf(entries, "xl/worksheets/sheet1.xml");
    const cut = sheet.slice(0, sheet.indexOf('<row r="5"'));
    const file = put("坏表.xlsx", zipOf(replaced(entries, entry("xl/worksheets/sheet1.xml", cut))));
    expect(await refused(file)).toMatch(
      /^无法读取 坏表\.xlsx：文件已损坏：工作表“表1”的内容不完整或格式错误（.*第 \d+ 行）/
    );
  });

  test("a damaged workbook.xml and a broken entity in the shared strings are named, never copied into a scored copy", async () => {
    const entries = await formEntries();
    const book = textOf(entries, "xl/workbook.xml").replace("</sheets>", "<sheets>");
    const badBook = put("坏目录.xlsx", zipOf(replaced(entries, entry("xl/workbook.xml", book))));
    expect(await refused(badBook)).toMatch(
      /^无法读取 坏目录\.xlsx：文件已损坏：工作表目录（xl\/workbook\.xml）的内容不完整或格式错误/
    );
    const strings = textOf(entries, "xl/sharedStrings.xml").replace("测试项目", "测试&项目");
    const badStrings = put(
      "坏文字.xlsx",
      zipOf(replaced(entries, entry("xl/sharedStrings.xml", strings)))
    );
    expect(await refused(badStrings)).toMatch(
      /^无法读取 坏文字\.xlsx：文件已损坏：单元格文字表（xl\/sharedStrings\.xml）的内容不完整或格式错误（未定义或不完整的实体引用/
    );
  });

  test("a Strict Open XML workbook is refused before anything is scored, saying how to save it", async () => {
    const strict = (await formEntries()).map((e) => {
      if (!/\.(xml|rels)$/.test(e.name)) return e;
      const text = zlib
        .inflateRawSync(e.data)
        .toString("utf8")
        .replace(
          /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g,
          "http://purl.oclc.org/ooxml/spreadsheetml/main"
        )
        .replace(
          /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g,
          "http://purl.oclc.org/ooxml/officeDocument/relationships"
        );
      return entry(e.name, text);
    });
    expect(await refused(put("严格.xlsx", zipOf(strict)))).toMatch(
      /^无法读取 严格\.xlsx：这是“Strict Open XML 电子表格”格式的工作簿.*（尚未评分）.*另存为/
    );
  });

  test("zip bombs are refused naming the file and the part, whether the sizes are declared or not", async () => {
    const entries = await formEntries();
    // a real bomb: 20 MB of one byte, stored in about 20 KB
    const bomb = put(
      "炸弹.xlsx",
      zipOf(replaced(entries, bombSheet("xl/worksheets/sheet1.xml", 20 * 1024 * 1024)))
    );
    expect(await refused(bomb)).toMatch(
      /^无法读取 炸弹\.xlsx：工作表“表1”从 \d+ KB 解压到 20 MB（\d+ 倍），远超正常工作簿的压缩比，超出本程序的处理上限/
    );
    // the same bytes declaring 2,000 bytes: inflation stops there
    const real = bombSheet("xl/worksheets/sheet1.xml", 20 * 1024 * 1024);
    const liar = put("谎报.xlsx", zipOf(replaced(entries, { ...real, size: 2000 })));
    expect(await refused(liar)).toMatch(
      /^无法读取 谎报\.xlsx：工作表“表1”解压后超过文件中记录的大小（2000 字节），超出本程序的处理上限/
    );
    // eight sheets declaring more than the package may hold in all, each at a ratio a workbook
    // may have (headers and filler only: never inflated)
    const eight = await formEntries(8);
    const huge = eight.map((e) =>
      /worksheets\/sheet\d\.xml$/.test(e.name)
        ? { ...e, size: 200 * 1024 * 1024, data: Buffer.alloc(500 * 1024, 1) }
        : e
    );
    expect(await refused(put("八表.xlsx", zipOf(huge)))).toBe(
      `无法读取 八表.xlsx：整个文件解压后超过 ${ZIP_LIMITS.packageBytes / 1048576} MB（各部件合计），超出本程序的处理上限（这样的文件多为恶意构造的“压缩炸弹”），已拒绝处理，没有评分`
    );
    // and one sheet declaring more than a part may be
    const one = eight.map((e) =>
      e.name === "xl/worksheets/sheet3.xml"
        ? { ...e, size: 600 * 1024 * 1024, data: Buffer.alloc(2 * 1024 * 1024, 1) }
        : e
    );
    expect(await refused(put("大表.xlsx", zipOf(one)))).toMatch(
      /^无法读取 大表\.xlsx：工作表“表3”解压后有 600 MB，超过单个部件 512 MB 的上限/
    );
  });

  test("a batch on two workers goes on past a bomb and a damaged file: the good one is scored, the JSON printed, exit 1", async () => {
    const entries = await formEntries();
    const dir = path.join(tmp, "batch");
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "1-炸弹.xlsx"),
      zipOf(replaced(entries, bombSheet("xl/worksheets/sheet1.xml", 20 * 1024 * 1024)))
    );
    fs.writeFileSync(path.join(dir, "2-截断.xlsx"), zipOf(entries).subarray(0, 900));
    fs.writeFileSync(path.join(dir, "3-好.xlsx"), zipOf(entries));
    const r = await score([dir], "--jobs", "2", "--out", path.join(tmp, "out"));
    expect(r.status).toBe(1);
    expect(r.byName.get("1-炸弹.xlsx")?.error).toMatch(/^无法读取 1-炸弹\.xlsx：工作表“表1”/);
    expect(r.byName.get("2-截断.xlsx")?.error).toMatch(/^无法读取 2-截断\.xlsx：文件不完整/);
    expect(r.byName.get("3-好.xlsx")?.output).toBe(path.join(tmp, "out", "3-好.scored.xlsx"));
    expect(fs.readdirSync(path.join(tmp, "out"))).toEqual(["3-好.scored.xlsx"]);
  }, 30_000);

  test("a sheet not read to its end says where reading stopped and why, in the JSON and on the terminal; the form above is scored", async () => {
    const entries = await formEntries();
    const sheet = textOf(entries, "xl/worksheets/sheet1.xml").replace(
      "</sheetData>",
      '<row r="60000"><c r="A60000"><v>1</v></c></row></sheetData>'
    );
    const file = put(
      "长表.xlsx",
      zipOf(replaced(entries, entry("xl/worksheets/sheet1.xml", sheet)))
    );
    const r = await score([file], "--dry-run", "--jobs", "1");
    expect(r.status).toBe(0);
    const warning =
      "工作表“表1”有 60000 行，只读取了前 50000 行：自评表不会有这么长，第 50001–60000 行没有读取，也没有评分（评分副本中原样保留）";
    expect(r.byName.get("长表.xlsx")?.warnings).toEqual([warning]);
    expect(r.err).toContain(`未读完：长表.xlsx：${warning}`);
    expect(r.byName.get("长表.xlsx")?.sheets).toHaveLength(1);
  });

  test("a worker that runs out of memory fails only its file, named; the batch finishes and the JSON is printed", async () => {
    const entries = await formEntries();
    const rows: string[] = [];
    for (let r = 8; r < 150_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const sheet = textOf(entries, "xl/worksheets/sheet1.xml").replace(
      "</sheetData>",
      `${rows.join("")}</sheetData>`
    );
    const dir = path.join(tmp, "batch");
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "1-大.xlsx"),
      zipOf(replaced(entries, entry("xl/worksheets/sheet1.xml", sheet)))
    );
    fs.writeFileSync(path.join(dir, "2-小.xlsx"), zipOf(entries));
    // a heap far too small for the large file (the default is a share of the machine's memory)
    process.env.SELFEVAL_WORKER_HEAP_MB = "64";
    try {
      const r = await score([dir], "--jobs", "2", "--dry-run");
      expect(r.status).toBe(1);
      expect(r.byName.get("1-大.xlsx")?.error).toBe(
        "处理 1-大.xlsx 时内存不足，已停止处理这个文件（其余文件照常处理）"
      );
      expect(r.byName.get("2-小.xlsx")?.error).toBeUndefined();
      expect(r.byName.get("2-小.xlsx")?.sheets).toHaveLength(1);
    } finally {
      delete process.env.SELFEVAL_WORKER_HEAP_MB;
    }
  }, 30_000);
});
