/**
 * Where `selfeval` writes (issue 23): never through a symbolic link, never over the input, never
 * over a file it did not write from the same input (that file is kept, the copy takes the next
 * free name and says so), distinct names for same-named inputs of one run; a macro workbook
 * stays one; an output folder that cannot be made is said in Chinese.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { listParts } from "../../src/host/xlsx/package";
import { formSheet } from "../support/smallForm";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-out-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface FileJson {
  file: string;
  output: string | null;
  error?: string;
  kept?: string[];
  notice?: string;
}

async function run(args: string[]): Promise<{ status: number; files: FileJson[]; err: string }> {
  let out = "";
  let err = "";
  const status = await main([...args, "--json", "--jobs", "1"], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
  });
  return { status, files: (JSON.parse(out) as { files: FileJson[] }).files, err };
}

async function form(file: string, project = "测试项目"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  formSheet(wb, "表一", { B1: project });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

async function projectOf(file: string): Promise<unknown> {
  const { grids } = await readWorkbookFile(file);
  return grids[0].values[0][1];
}

describe("selfeval writes only where it may", () => {
  test("an output name that is a symbolic link to the input: the input is untouched, the link kept, the copy goes to the next name", async () => {
    const input = await form(path.join(tmp, "a.xlsx"));
    const before = fs.readFileSync(input);
    fs.symlinkSync(input, path.join(tmp, "a.scored.xlsx"));
    const r = await run(["score", input]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.lstatSync(path.join(tmp, "a.scored.xlsx")).isSymbolicLink()).toBe(true);
    expect(r.files[0].output).toBe(path.join(tmp, "a.scored (2).xlsx"));
    expect(r.files[0].kept).toEqual([path.join(tmp, "a.scored.xlsx")]);
    expect(r.err).toContain("a.scored.xlsx 已存在，且不是本程序为这个输入写出的文件，已原样保留");
  });

  test("a hard link to the input at the output name is the input: never written", async () => {
    const input = await form(path.join(tmp, "b.xlsx"));
    const before = fs.readFileSync(input);
    fs.linkSync(input, path.join(tmp, "b.scored.xlsx"));
    const r = await run(["score", input]);
    expect(r.files[0].output).toBe(path.join(tmp, "b.scored (2).xlsx"));
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test("a person's file at the output name is kept; our own copy of the same input is replaced, not numbered again", async () => {
    const input = await form(path.join(tmp, "c.xlsx"));
    const theirs = path.join(tmp, "c.scored.xlsx");
    fs.writeFileSync(theirs, "一个人自己的文件");
    const first = await run(["score", input]);
    expect(first.files[0].output).toBe(path.join(tmp, "c.scored (2).xlsx"));
    expect(first.files[0].notice).toContain("c.scored.xlsx 已存在");
    expect(fs.readFileSync(theirs, "utf8")).toBe("一个人自己的文件");
    // the input edited, scored again: the copy of ours at (2) is replaced in place
    await form(input, "改过的项目");
    const second = await run(["score", input]);
    expect(second.files[0].output).toBe(path.join(tmp, "c.scored (2).xlsx"));
    expect(await projectOf(path.join(tmp, "c.scored (2).xlsx"))).toBe("改过的项目");
    expect(fs.existsSync(path.join(tmp, "c.scored (3).xlsx"))).toBe(false);
    expect(fs.readFileSync(theirs, "utf8")).toBe("一个人自己的文件");
    // no temporary file left beside them
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("a scored copy of another input of the same name is not replaced", async () => {
    const one = await form(path.join(tmp, "甲", "同名.xlsx"), "甲的项目");
    const two = await form(path.join(tmp, "乙", "同名.xlsx"), "乙的项目");
    const out = path.join(tmp, "out");
    expect((await run(["score", one, "--out", out])).files[0].output).toBe(
      path.join(out, "同名.scored.xlsx")
    );
    const r = await run(["score", two, "--out", out]);
    expect(r.files[0].output).toBe(path.join(out, "同名.scored (2).xlsx"));
    expect(await projectOf(path.join(out, "同名.scored.xlsx"))).toBe("甲的项目");
  });

  test("two inputs of the same name in one run get distinct outputs, stable when run again", async () => {
    await form(path.join(tmp, "in", "甲", "表.xlsx"), "甲的项目");
    await form(path.join(tmp, "in", "乙", "表.xlsx"), "乙的项目");
    const out = path.join(tmp, "out");
    const rounds: string[][] = [];
    for (let round = 0; round < 2; round++) {
      const r = await run(["score", path.join(tmp, "in"), "--out", out]);
      expect(r.status).toBe(0);
      rounds.push(r.files.map((f) => `${f.file} → ${f.output}`));
      // each output holds its own input's project
      for (const f of r.files)
        expect(await projectOf(f.output as string)).toBe(await projectOf(f.file));
    }
    expect(rounds[1]).toEqual(rounds[0]);
    expect(fs.readdirSync(out).sort()).toEqual(["表.scored (2).xlsx", "表.scored.xlsx"]);
    expect(await projectOf(path.join(out, "表.scored.xlsx"))).not.toBe(
      await projectOf(path.join(out, "表.scored (2).xlsx"))
    );
  });

  test("a macro workbook comes out as <name>.scored.xlsm with its VBA project and macro content type", async () => {
    const plain = await form(path.join(tmp, "plain.xlsx"));
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(plain));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        )
        .replace(
          "</Types>",
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
        )
    );
    zip.file("xl/vbaProject.bin", Buffer.from("VBA project bytes"));
    const macro = path.join(tmp, "宏.xlsm");
    fs.writeFileSync(macro, await zip.generateAsync({ type: "nodebuffer" }));
    const r = await run(["score", tmp]);
    const scored = r.files.find((f) => f.file === macro);
    expect(scored?.output).toBe(path.join(tmp, "宏.scored.xlsm"));
    const out = await JSZip.loadAsync(fs.readFileSync(path.join(tmp, "宏.scored.xlsm")));
    expect(await out.file("xl/vbaProject.bin")!.async("string")).toBe("VBA project bytes");
    expect(await out.file("[Content_Types].xml")!.async("string")).toContain(
      "sheet.macroEnabled.main+xml"
    );
    expect(await listParts(fs.readFileSync(path.join(tmp, "宏.scored.xlsm")))).toContain(
      "xl/vbaProject.bin"
    );
  });

  test("an --out that cannot be created is said in Chinese, naming it, for every file", async () => {
    const input = await form(path.join(tmp, "d.xlsx"));
    fs.writeFileSync(path.join(tmp, "一个文件"), "x");
    const out = path.join(tmp, "一个文件", "子文件夹");
    const r = await run(["score", input, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.files[0].error).toBe(`无法创建输出文件夹 ${out}：路径中有一段是文件而不是文件夹`);
    expect(r.err).not.toMatch(/ENOENT|ENOTDIR/);
  });

  test("selfeval report keeps a foreign .docx and replaces its own", async () => {
    const input = await form(path.join(tmp, "e.xlsx"));
    const theirs = path.join(tmp, "e.自评报告.docx");
    fs.writeFileSync(theirs, "别人的报告");
    let err = "";
    const io = { stdout: () => undefined, stderr: (t: string) => (err += t), isTTY: false };
    expect(await main(["report", input, "--jobs", "1"], io)).toBe(0);
    expect(err).toContain("e.自评报告.docx 已存在");
    expect(fs.readFileSync(theirs, "utf8")).toBe("别人的报告");
    const ours = path.join(tmp, "e.自评报告 (2).docx");
    const first = fs.statSync(ours);
    expect(await main(["report", input, "--jobs", "1"], io)).toBe(0);
    expect(fs.existsSync(path.join(tmp, "e.自评报告 (3).docx"))).toBe(false);
    expect(fs.statSync(ours).ino).not.toBe(first.ino); // replaced by rename, a new file
  });
});

describe("the source mark stands in the container, not in a part", () => {
  test("a scored copy and its 提交版 carry the mark as the zip comment; a second run replaces both, a person's file at the 提交版 name is kept", async () => {
    const { unzipSync } = await import("fflate");
    const input = await form(path.join(tmp, "b.xlsx"));
    const first = await run(["score", input, "--clean"]);
    expect(first.status).toBe(0);
    const scored = path.join(tmp, "b.scored.xlsx");
    const clean = path.join(tmp, "b.提交版.xlsx");
    for (const file of [scored, clean]) {
      const bytes = fs.readFileSync(file);
      // the end-of-central-directory record's comment is the last thing in the file
      expect(bytes.subarray(-64).toString("latin1")).toMatch(/selfeval-source:[0-9a-f]{32}$/);
      for (const [name, data] of Object.entries(unzipSync(new Uint8Array(bytes))))
        expect([name, Buffer.from(data).toString("utf8").includes("selfeval-source")]).toEqual([
          name,
          false,
        ]);
    }
    const again = await run(["score", input, "--clean"]);
    expect(again.files[0].output).toBe(scored);
    expect(fs.readdirSync(tmp).sort()).toEqual(["b.scored.xlsx", "b.xlsx", "b.提交版.xlsx"]);
    // a file the command did not write at the 提交版's name is kept; the 提交版 takes the next name
    fs.writeFileSync(clean, "a person's file");
    const third = await run(["score", input, "--clean"]);
    expect(third.status).toBe(0);
    expect(fs.readFileSync(clean, "utf8")).toBe("a person's file");
    expect(fs.existsSync(path.join(tmp, "b.提交版 (2).xlsx"))).toBe(true);
  });
});
