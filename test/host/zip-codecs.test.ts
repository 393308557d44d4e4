/**
 * The package's two codecs (issue 19): the browser's (zipDirectory.ts + fflate) reads every field
 * yauzl reads, and a workbook scored through it is the command's, part for part.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { STATE_SHEET, stateToRows } from "../../src/form/state";
import { writePackage } from "../../src/host/xlsx/package";
import { PackageParts } from "../../src/host/xlsx/package/parts";
import { TooLargeError } from "../../src/host/xlsx/package/damage";
import { CorruptZipError, entryData, type Codec } from "../../src/host/xlsx/package/zip";
import { browserCodec } from "../../src/host/xlsx/package/zipBrowser";
import { writeZip } from "../../src/host/xlsx/package/zipWrite";
import { nodeCodec } from "../../src/host/xlsx/package/zipNode";
import { readWorkbookGrids } from "../../src/host/xlsx/read";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const FILES = fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));

async function scored(input: Uint8Array, codec: Codec): Promise<Uint8Array> {
  const parts = await PackageParts.open(input, codec);
  const { grids } = await readWorkbookGrids(input);
  const outcome = scoreWorkbookGrids(grids, { profile: "auto" });
  return writePackage(
    parts,
    outcome.sheets.flatMap((s) => s.plan.edits),
    [{ name: STATE_SHEET, rows: stateToRows(outcome.state), state: "veryHidden" }]
  );
}

async function unzipped(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files))
    out.set(name, await zip.files[name].async("uint8array"));
  return out;
}

test.each(FILES)("%s: the browser's directory is yauzl's, field for field", async (file) => {
  const input = fs.readFileSync(path.join(SAMPLES, file));
  const viaNode = await nodeCodec.readZip(input);
  const viaBrowser = await browserCodec.readZip(input);
  expect(viaBrowser.comment).toBe(viaNode.comment);
  expect(viaBrowser.entries.length).toBe(viaNode.entries.length);
  viaBrowser.entries.forEach((e, i) => {
    const n = viaNode.entries[i];
    expect({ ...e, raw: Buffer.from(e.raw) }).toEqual({ ...n, raw: Buffer.from(n.raw) });
    // a view of the input, not a copy
    expect(e.raw.buffer).toBe(input.buffer);
  });
});

test.each(FILES)("%s: scored through either codec, every part is the same", async (file) => {
  const input = fs.readFileSync(path.join(SAMPLES, file));
  const a = await unzipped(await scored(input, nodeCodec));
  const b = await unzipped(await scored(input, browserCodec));
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, bytes] of a)
    expect(Buffer.from(b.get(name)!).equals(Buffer.from(bytes))).toBe(true);
});

test("names in UTF-8 and in a Unicode Path field, comments, folders: both readers agree", async () => {
  const zip = new JSZip();
  zip.file("xl/worksheets/表一.xml", "<a/>", { comment: "注释" });
  zip.folder("目录");
  zip.file("plain.txt", "x".repeat(1000), { compression: "DEFLATE" });
  const utf8 = await zip.generateAsync({ type: "uint8array", comment: "zip comment" });
  // our own writer: a non-ASCII name also in an Info-ZIP Unicode Path field
  const archive = await nodeCodec.readZip(utf8);
  const ours = await writeZip(
    archive,
    new Map([["xl/表二.xml", { text: "<b/>" }]]),
    new Set(),
    nodeCodec
  );
  for (const bytes of [utf8, ours]) {
    const a = await nodeCodec.readZip(bytes);
    const b = await browserCodec.readZip(bytes);
    expect(b.comment).toBe(a.comment);
    expect(b.entries.map((e) => ({ ...e, raw: [...e.raw] }))).toEqual(
      a.entries.map((e) => ({ ...e, raw: [...e.raw] }))
    );
  }
  expect((await browserCodec.readZip(ours)).entries.map((e) => e.name)).toEqual(
    expect.arrayContaining(["xl/worksheets/表一.xml", "目录/", "xl/表二.xml"])
  );
});

test("fflate and node:zlib inflate each other's output", () => {
  const text = new TextEncoder().encode(
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(500)
  );
  expect(Buffer.from(nodeCodec.inflateRaw(browserCodec.deflateRaw(text), text.length))).toEqual(
    Buffer.from(text)
  );
  expect(Buffer.from(browserCodec.inflateRaw(nodeCodec.deflateRaw(text), text.length))).toEqual(
    Buffer.from(text)
  );
  expect(browserCodec.crc32(text)).toBe(nodeCodec.crc32(text));
});

test("what is not a zip, or is cut short, is a CorruptZipError in the browser's reader too", async () => {
  const whole = fs.readFileSync(path.join(SAMPLES, FILES[0]));
  await expect(browserCodec.readZip(new TextEncoder().encode("not a zip"))).rejects.toThrow(
    CorruptZipError
  );
  await expect(browserCodec.readZip(whole.subarray(0, whole.length - 30))).rejects.toThrow(
    CorruptZipError
  );
  // the central directory's offset pointing past the end
  const bad = Buffer.from(whole);
  bad.writeUInt32LE(bad.length + 10, bad.length - 22 + 16);
  await expect(browserCodec.readZip(bad)).rejects.toThrow(CorruptZipError);
});

test("both codecs stop inflating at the size an entry declares (issue 23): a lying entry is refused, not inflated whole", () => {
  const blanks = new Uint8Array(4 * 1024 * 1024).fill(0x20);
  const bomb = nodeCodec.deflateRaw(blanks);
  const entry = {
    name: "xl/worksheets/sheet1.xml",
    dir: false,
    method: 8,
    crc32: nodeCodec.crc32(blanks),
    uncompressedSize: 1000,
    raw: bomb,
    time: 0,
    date: 0,
    attributes: 0,
    comment: "",
    encrypted: false,
  };
  for (const codec of [nodeCodec, browserCodec]) {
    expect(() => entryData(entry, codec)).toThrow(TooLargeError);
    expect(() => entryData(entry, codec)).toThrow("解压后超过文件中记录的大小（1000 字节）");
    // the same entry telling the truth inflates
    expect(entryData({ ...entry, uncompressedSize: blanks.length }, codec).length).toBe(
      blanks.length
    );
  }
});
