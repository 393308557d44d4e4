import { nodeCodec, type Codec, type ZipArchive, type ZipEntry } from "./zip";

/**
 * Writing the package back as a zip: the input's entries in their order, an entry nothing changed
 * copied still compressed (its bytes, CRC, sizes, time as they were), a changed one deflated anew
 * in its place, a new one at the end. Our own small writer: JSZip's generateAsync took 3–4× as
 * long on the 200-sheet benchmark (pure-JavaScript deflate), and it needs nothing but a Codec,
 * so it runs in a browser as well.
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
export function precompress(text: string, codec: Codec = nodeCodec): Promise<Compressed> {
  const bytes = Buffer.from(text, "utf8");
  return codec
    .deflateRawAsync(bytes)
    .then((data) => ({ crc32: codec.crc32(bytes), size: bytes.length, data }));
}

interface OutEntry {
  readonly name: Buffer;
  readonly extra: Buffer | null;
  readonly comment: Buffer;
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
  codec: Codec = nodeCodec
): Promise<Buffer> {
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
      const bytes = Buffer.from(text.text, "utf8");
      crc = codec.crc32(bytes);
      size = bytes.length;
      data = codec.deflateRaw(bytes);
      method = 8;
    } else if (original && !original.dir) {
      ({ method, crc32: crc, uncompressedSize: size, raw: data } = original);
    }
    const name = Buffer.from(path, "utf8");
    const commentText = original?.comment ?? "";
    const comment = Buffer.from(commentText, "utf8");
    const utf8Name = name.length !== path.length;
    // a name that is not ASCII also goes in an Info-ZIP Unicode Path field
    let extra: Buffer | null = null;
    if (utf8Name) {
      extra = Buffer.alloc(9 + name.length);
      extra.writeUInt16LE(0x7075, 0);
      extra.writeUInt16LE(5 + name.length, 2);
      extra.writeUInt8(1, 4);
      extra.writeUInt32LE(codec.crc32(name), 5);
      name.copy(extra, 9);
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
  return layOut(entries, Buffer.from(archive.comment ?? "", "utf8"));
}

/** The local headers with the data, the central directory, its end: one buffer. */
function layOut(entries: OutEntry[], zipComment: Buffer): Buffer {
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
  const out = Buffer.allocUnsafe(localSize + centralSize + 22 + zipComment.length);
  let at = 0;
  let dir = localSize;
  // the fields local and central headers share, from "version needed" to "extra field length"
  const common = (e: OutEntry, p: number): void => {
    out.writeUInt16LE(10, p); // version needed to extract (as JSZip wrote it)
    out.writeUInt16LE(e.utf8 ? 0x0800 : 0, p + 2);
    out.writeUInt16LE(e.method, p + 4);
    out.writeUInt16LE(e.time & 0xffff, p + 6);
    out.writeUInt16LE(e.day & 0xffff, p + 8);
    out.writeUInt32LE(e.crc >>> 0, p + 10);
    out.writeUInt32LE(e.data.length, p + 14);
    out.writeUInt32LE(e.size, p + 18);
    out.writeUInt16LE(e.name.length, p + 22);
    out.writeUInt16LE(e.extra?.length ?? 0, p + 24);
  };
  for (const e of entries) {
    const offset = at;
    out.writeUInt32LE(0x04034b50, at);
    common(e, at + 4);
    at += 30;
    at += e.name.copy(out, at);
    if (e.extra) at += e.extra.copy(out, at);
    out.set(e.data, at);
    at += e.data.length;

    out.writeUInt32LE(0x02014b50, dir);
    out.writeUInt16LE(0x0014, dir + 4); // made by: DOS, 2.0
    common(e, dir + 6);
    out.writeUInt16LE(e.comment.length, dir + 32);
    out.writeUInt32LE(0, dir + 34); // disk number, internal attributes
    out.writeUInt32LE(e.attributes, dir + 38);
    out.writeUInt32LE(offset, dir + 42);
    dir += 46;
    dir += e.name.copy(out, dir);
    if (e.extra) dir += e.extra.copy(out, dir);
    dir += e.comment.copy(out, dir);
  }
  out.writeUInt32LE(0x06054b50, dir);
  out.writeUInt32LE(0, dir + 4); // disk numbers
  out.writeUInt16LE(entries.length, dir + 8);
  out.writeUInt16LE(entries.length, dir + 10);
  out.writeUInt32LE(centralSize, dir + 12);
  out.writeUInt32LE(localSize, dir + 16);
  out.writeUInt16LE(zipComment.length, dir + 20);
  zipComment.copy(out, dir + 22);
  return out;
}
