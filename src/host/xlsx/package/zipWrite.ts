import type { Codec, ZipArchive, ZipEntry } from "./zip";

/**
 * Writing the package back as a zip: the input's entries in their order, an entry nothing changed
 * copied still compressed (its bytes, CRC, sizes, time as they were), a changed one deflated anew
 * in its place, a new one at the end. Our own small writer: JSZip's generateAsync took 3–4× as
 * long on the 200-sheet benchmark (pure-JavaScript deflate), and it needs nothing but a Codec
 * (no Node built-in, no Buffer), so it runs in a browser as well.
 */

/** An entry the package wrote: its text, and the text compressed when it was made (if large). */
export interface WrittenEntry {
  readonly text: string;
  readonly compressed?: Promise<Compressed>;
}

export interface Compressed {
  readonly crc32: number;
  readonly size: number;
  readonly data: Uint8Array;
}

/** Compress a large new part now, off the main thread where the codec can. */
export function precompress(text: string, codec: Codec): Promise<Compressed> {
  const bytes = utf8.encode(text);
  return codec
    .deflateRawAsync(bytes)
    .then((data) => ({ crc32: codec.crc32(bytes), size: bytes.length, data }));
}

const utf8 = new TextEncoder();

interface OutEntry {
  readonly name: Uint8Array;
  readonly extra: Uint8Array | null;
  readonly comment: Uint8Array;
  readonly data: Uint8Array;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly utf8: boolean;
  readonly time: number;
  readonly day: number;
  readonly attributes: number;
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 6) | (d.getUTCSeconds() >> 1),
    date:
      (((d.getUTCFullYear() - 1980) & 0x7f) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * The archive with `written` entries replacing or joining the input's and `removed` ones left
 * out (names as stored). Throws when the result would need zip64 (over 4 GB or 65,535 entries).
 */
export async function writeZip(
  archive: ZipArchive,
  written: ReadonlyMap<string, WrittenEntry>,
  removed: ReadonlySet<string>,
  codec: Codec,
  comment?: string
): Promise<Uint8Array> {
  const now = dosNow();
  const sources: { name: string; original?: ZipEntry; text?: WrittenEntry }[] = [];
  const seen = new Set<string>();
  for (const e of archive.entries) {
    if (removed.has(e.name) || seen.has(e.name)) continue;
    seen.add(e.name);
    sources.push({ name: e.name, original: e, text: written.get(e.name) });
  }
  for (const [name, text] of written) if (!seen.has(name)) sources.push({ name, text });
  if (sources.length > 0xffff) throw new Error("工作簿的部件超过 65535 个，无法写出");

  const entries: OutEntry[] = [];
  for (const { name: path, original, text } of sources) {
    let method = 0;
    let crc = 0;
    let size = 0;
    let data: Uint8Array = new Uint8Array(0);
    if (text?.compressed) {
      ({ crc32: crc, size, data } = await text.compressed);
      method = 8;
    } else if (text) {
      const bytes = utf8.encode(text.text);
      crc = codec.crc32(bytes);
      size = bytes.length;
      data = codec.deflateRaw(bytes);
      method = 8;
    } else if (original && !original.dir) {
      ({ method, crc32: crc, uncompressedSize: size, raw: data } = original);
    }
    const name = utf8.encode(path);
    const commentText = original?.comment ?? "";
    const comment = utf8.encode(commentText);
    const utf8Name = name.length !== path.length;
    // a name that is not ASCII also goes in an Info-ZIP Unicode Path field
    let extra: Uint8Array | null = null;
    if (utf8Name) {
      extra = new Uint8Array(9 + name.length);
      const view = new DataView(extra.buffer);
      view.setUint16(0, 0x7075, true);
      view.setUint16(2, 5 + name.length, true);
      view.setUint8(4, 1);
      view.setUint32(5, codec.crc32(name), true);
      extra.set(name, 9);
    }
    const dir = original?.dir ?? false;
    entries.push({
      name,
      extra,
      comment,
      data,
      method,
      crc,
      size,
      utf8: utf8Name || comment.length !== commentText.length,
      time: original?.time ?? now.time,
      day: original?.date ?? now.date,
      attributes: (dir ? 0x10 : 0) | ((original?.attributes ?? 0) & 0x3f),
    });
  }
  return layOut(entries, utf8.encode(comment ?? archive.comment ?? ""));
}

/** The local headers with the data, the central directory, its end: one array. */
function layOut(entries: OutEntry[], zipComment: Uint8Array): Uint8Array {
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    const names = e.name.length + (e.extra?.length ?? 0);
    localSize += 30 + names + e.data.length;
    centralSize += 46 + names + e.comment.length;
    if (e.size >= 0xffffffff || e.data.length >= 0xffffffff)
      throw new Error("工作簿的部件超过 4 GB，无法写出");
  }
  if (localSize + centralSize >= 0xffffffff) throw new Error("工作簿超过 4 GB，无法写出");
  const out = new Uint8Array(localSize + centralSize + 22 + zipComment.length);
  const view = new DataView(out.buffer);
  const u16 = (value: number, p: number): void => view.setUint16(p, value, true);
  const u32 = (value: number, p: number): void => view.setUint32(p, value, true);
  const put = (bytes: Uint8Array, p: number): number => {
    out.set(bytes, p);
    return bytes.length;
  };
  let at = 0;
  let dir = localSize;
  // the fields local and central headers share, from "version needed" to "extra field length"
  const common = (e: OutEntry, p: number): void => {
    u16(10, p); // version needed to extract (as JSZip wrote it)
    u16(e.utf8 ? 0x0800 : 0, p + 2);
    u16(e.method, p + 4);
    u16(e.time & 0xffff, p + 6);
    u16(e.day & 0xffff, p + 8);
    u32(e.crc >>> 0, p + 10);
    u32(e.data.length, p + 14);
    u32(e.size, p + 18);
    u16(e.name.length, p + 22);
    u16(e.extra?.length ?? 0, p + 24);
  };
  for (const e of entries) {
    const offset = at;
    u32(0x04034b50, at);
    common(e, at + 4);
    at += 30;
    at += put(e.name, at);
    if (e.extra) at += put(e.extra, at);
    at += put(e.data, at);

    u32(0x02014b50, dir);
    u16(0x0014, dir + 4); // made by: DOS, 2.0
    common(e, dir + 6);
    u16(e.comment.length, dir + 32);
    u32(0, dir + 34); // disk number, internal attributes
    u32(e.attributes, dir + 38);
    u32(offset, dir + 42);
    dir += 46;
    dir += put(e.name, dir);
    if (e.extra) dir += put(e.extra, dir);
    dir += put(e.comment, dir);
  }
  u32(0x06054b50, dir);
  u32(0, dir + 4); // disk numbers
  u16(entries.length, dir + 8);
  u16(entries.length, dir + 10);
  u32(centralSize, dir + 12);
  u32(localSize, dir + 16);
  u16(zipComment.length, dir + 20);
  out.set(zipComment, dir + 22);
  return out;
}
