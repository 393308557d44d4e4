/**
 * memPeakMB1M / memPeakMBBomb (issue 23): the peak resident memory of `selfeval score` (a child
 * process, --jobs 1, its own VmHWM at exit where /proc has it) on a million-row sheet with one form at its top, and
 * on an eight-sheet zip bomb (each sheet declaring and truly inflating to 450 MB), which must be
 * refused; each beside its input's size (memInputMB1M, memInputMBBomb). Both inputs are made
 * here, in a temporary folder, at bench time.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { nodeCodec } from "../src/host/xlsx/package/zipNode";
import { formEntries, replaced, zipOf, type RawEntry } from "../test/support/hostileZip";

const MAIN = path.join(__dirname, "..", "src", "cli", "main.ts");

/** The form's sheet with a million rows of two numbers under it (rows 8 to 1,000,007). */
async function millionRows(file: string): Promise<void> {
  const entries = await formEntries();
  const name = "xl/worksheets/sheet1.xml";
  const sheet = zlib.inflateRawSync(entries.find((e) => e.name === name)!.data).toString("utf8");
  const rows: string[] = [];
  for (let r = 8; r < 1_000_008; r++)
    rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c></row>`);
  const text = sheet
    .replace("</sheetData>", `${rows.join("")}</sheetData>`)
    .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:H1000007"/>');
  const bytes = Buffer.from(text, "utf8");
  const entry: RawEntry = {
    name,
    data: zlib.deflateRawSync(bytes),
    size: bytes.length,
    crc: nodeCodec.crc32(bytes),
  };
  fs.writeFileSync(file, zipOf(replaced(entries, entry)));
}

/** Eight sheets, each 450 MB of blanks inside a worksheet, stored deflated (~450 KB each). */
async function eightSheetBomb(file: string): Promise<void> {
  const entries = await formEntries(8);
  const open =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const close = "</sheetData></worksheet>";
  const size = 450 * 1024 * 1024;
  const body = Buffer.alloc(size, 0x20);
  body.write(open, 0);
  body.write(close, size - close.length);
  const data = zlib.deflateRawSync(body, { level: 9 });
  const crc = nodeCodec.crc32(body);
  const bomb = entries.map((e) =>
    /^xl\/worksheets\/sheet\d\.xml$/.test(e.name) ? { name: e.name, data, size, crc } : e
  );
  fs.writeFileSync(file, zipOf(bomb));
}

/** `selfeval score` as a child process: its peak RSS in MB and its exit status. */
function peakMb(input: string, out: string): { mb: number; status: number } {
  // VmHWM, the new process's own high-water mark: getrusage's maxRSS keeps the forking
  // parent's across exec on Linux (this bench holds the 450 MB it deflated)
  const script = `require(${JSON.stringify(MAIN)}).main(process.argv.slice(1)).then((c) => { const hwm = /VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8")); process.stderr.write("MAXRSS " + (hwm ? hwm[1] : process.resourceUsage().maxRSS) + "\\n"); process.exit(c); })`;
  const r = spawnSync(
    process.execPath,
    ["-r", "tsx/cjs", "-e", script, "score", input, "--out", out, "--jobs", "1", "--json"],
    { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 }
  );
  const stderr = r.stderr?.toString() ?? "";
  const status = r.status ?? -1;
  const kb = /MAXRSS (\d+)/.exec(stderr)?.[1];
  if (!kb && status !== 0) throw new Error(`selfeval failed on ${input}: ${stderr}`);
  return { mb: Math.round(Number(kb ?? 0) / 1024), status };
}

function sizeMb(file: string): number {
  return Math.round((fs.statSync(file).size / 1024 / 1024) * 100) / 100;
}

export async function robustMemory(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-robust-"));
  try {
    const million = path.join(dir, "百万行.xlsx");
    await millionRows(million);
    const bomb = path.join(dir, "八表炸弹.xlsx");
    await eightSheetBomb(bomb);
    const m = peakMb(million, path.join(dir, "out"));
    const b = peakMb(bomb, path.join(dir, "out"));
    if (b.status !== 1) throw new Error("the eight-sheet bomb was not refused");
    return {
      memPeakMB1M: m.mb,
      memInputMB1M: sizeMb(million),
      memPeakMBBomb: b.mb,
      memInputMBBomb: sizeMb(bomb),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export { millionRows, eightSheetBomb };

if (require.main === module)
  void robustMemory().then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
