import * as yauzl from "yauzl";
import * as zlib from "zlib";
import {
  CorruptZipError,
  DEFLATE_LEVEL,
  TRUNCATED,
  crc32Table,
  type Codec,
  type ZipArchive,
  type ZipEntry,
} from "./zip";

/**
 * Node's codec: the zip directory through yauzl's documented API (`fromBuffer`, `readEntry`,
 * `readLocalFileHeader` for each entry's place in the buffer) and node:zlib's native DEFLATE and
 * CRC-32, faster in Node than any JavaScript one (toolchain.md: fflate's deflate 191 ms cold
 * against zlib's 44 on the 200-sheet write).
 */
async function readZip(bytes: Uint8Array): Promise<ZipArchive> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(input, { lazyEntries: true, decodeStrings: true });
  } catch (e) {
    const message = (e as Error).message;
    throw Object.assign(new CorruptZipError(`zip: ${message}`, "", TRUNCATED.test(message)), {
      cause: e,
    });
  }
  const found: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      found.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", (e: Error) =>
      reject(
        Object.assign(new CorruptZipError(`zip: ${e.message}`, "", TRUNCATED.test(e.message)), {
          cause: e,
        })
      )
    );
    zip.readEntry();
  });
  const entries: ZipEntry[] = [];
  for (const e of found) {
    let start: number;
    try {
      ({ fileDataStart: start } = await zip.readLocalFileHeaderPromise(e, { minimal: true }));
    } catch (err) {
      const message = (err as Error).message;
      throw Object.assign(
        new CorruptZipError(`zip: ${e.fileName}: ${message}`, e.fileName, TRUNCATED.test(message)),
        { cause: err }
      );
    }
    if (start + e.compressedSize > input.length)
      throw new CorruptZipError(
        `zip: ${e.fileName} runs past the end of the file`,
        e.fileName,
        true
      );
    entries.push({
      name: e.fileName,
      dir: e.fileName.endsWith("/"),
      method: e.compressionMethod,
      crc32: e.crc32 >>> 0,
      uncompressedSize: e.uncompressedSize,
      raw: input.subarray(start, start + e.compressedSize),
      time: e.lastModFileTime,
      date: e.lastModFileDate,
      attributes: e.externalFileAttributes,
      comment: e.fileComment,
      encrypted: e.isEncrypted(),
    });
  }
  zip.close();
  return { entries, comment: zip.comment };
}

/** A window and hash no larger than the data needs: a small part does not pay for 256 KiB of state. */
function deflateOptions(length: number): zlib.ZlibOptions {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(length + 262))));
  return { level: DEFLATE_LEVEL, windowBits, memLevel: Math.min(8, Math.max(1, windowBits - 7)) };
}

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeCodec: Codec = {
  readZip,
  // node:zlib inflates in chunks and stops with ERR_BUFFER_TOO_LARGE past maxOutputLength
  inflateRaw: (data, limit) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit) }),
  deflateRaw: (data) => zlib.deflateRawSync(data, deflateOptions(data.length)),
  deflateRawAsync: (data) =>
    new Promise((resolve, reject) =>
      zlib.deflateRaw(data, deflateOptions(data.length), (error, out) =>
        error ? reject(error) : resolve(out)
      )
    ),
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : crc32Table,
};
