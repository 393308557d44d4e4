/**
 * Hostile and odd packages for the refusal tests and the memory benchmark, made at run time (no
 * large file in the repository): a small real form as a list of entries, and a zip writer that
 * writes each entry's stored bytes and declared size as told, so that an entry may lie about its
 * size or inflate to far more than a workbook ever holds.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as zlib from "zlib";
import { nodeCodec } from "../../src/host/xlsx/package/zipNode";
import { formSheet } from "./smallForm";

export interface RawEntry {
  readonly name: string;
  /** The stored (deflated) bytes. */
  readonly data: Uint8Array;
  /** The size the entry declares, and its CRC. */
  readonly size: number;
  readonly crc: number;
}

/** An entry deflated from its text, declaring its true size. */
export function entry(name: string, content: string | Uint8Array): RawEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return {
    name,
    data: zlib.deflateRawSync(bytes),
    size: bytes.length,
    crc: nodeCodec.crc32(bytes),
  };
}

/** The entries of a real small form workbook (ExcelJS), each deflated anew. */
export async function formEntries(sheets = 1): Promise<RawEntry[]> {
  const wb = new ExcelJS.Workbook();
  for (let i = 1; i <= sheets; i++) formSheet(wb, `表${i}`);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const out: RawEntry[] = [];
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.push(entry(name, await zip.files[name].async("uint8array")));
  return out;
}

/** A zip of `entries` exactly as given (deflated, method 8). */
export function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(e.size >>> 0, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A sheet part that inflates to `bytes` of blanks inside a well-formed worksheet: what a bomb
 * looks like (DEFLATE's best ratio, about 1,000 to 1).
 */
export function bombSheet(name: string, bytes: number): RawEntry {
  const open = Buffer.from(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  );
  const close = Buffer.from("</sheetData></worksheet>");
  const body = Buffer.alloc(bytes - open.length - close.length, 0x20);
  const all = Buffer.concat([open, body, close]);
  return entry(name, all);
}

/** The entries with `name` replaced. */
export function replaced(entries: readonly RawEntry[], by: RawEntry): RawEntry[] {
  return entries.map((e) => (e.name === by.name ? by : e));
}
