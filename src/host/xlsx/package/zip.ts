import { TooLargeError } from "./damage";

/**
 * The zip container's shared vocabulary: an entry as read (its still-compressed bytes a view of
 * the input, so an entry nothing changes is copied as it is), the `Codec` a platform gives the
 * package (its zip directory reader, DEFLATE and CRC-32), and the one check every entry's data
 * passes, never inflated past the size it declares (issue 23: the declared sizes themselves are
 * checked against zipLimits.ts before any entry is inflated). Nothing here imports a Node built-in: Node's codec (yauzl, node:zlib) is zipNode.ts, the
 * browser's (zipDirectory.ts, fflate) zipBrowser.ts, and platformCodec.ts names the one in use.
 */
export interface ZipEntry {
  /** The entry's name, as stored (a folder's ends with "/"). */
  readonly name: string;
  readonly dir: boolean;
  /** 0 stored, 8 deflated; another method is kept raw and never decoded. */
  readonly method: number;
  readonly crc32: number;
  readonly uncompressedSize: number;
  /** The stored bytes (compressed when method is 8): a view of the input. */
  readonly raw: Uint8Array;
  /** MS-DOS time and date fields, as stored. */
  readonly time: number;
  readonly date: number;
  readonly attributes: number;
  readonly comment: string;
  readonly encrypted: boolean;
}

export interface ZipArchive {
  readonly entries: ZipEntry[];
  readonly comment: string;
}

/**
 * What a platform gives the package. `readZip` rejects with a CorruptZipError when the input is
 * not a readable zip; the others throw on data they cannot take.
 */
export interface Codec {
  /** Every entry of the zip in `input`, in central-directory order. */
  readZip(input: Uint8Array): Promise<ZipArchive>;
  /**
   * Inflate, never past `limit` bytes of output (the entry's declared size): the codec stops
   * there and throws (a TooLargeError, or Node's ERR_BUFFER_TOO_LARGE), so an entry lying about
   * its size cannot take the machine's memory.
   */
  inflateRaw(data: Uint8Array, limit: number): Uint8Array;
  deflateRaw(data: Uint8Array): Uint8Array;
  /** Deflate off the main thread where the platform can (a large new part, while the rest is done). */
  deflateRawAsync(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

/** The zip cannot be read (not a zip, truncated, a bad entry): the reader calls the file corrupt. */
export class CorruptZipError extends Error {
  constructor(
    message: string,
    /** The entry it is about ("" for the archive). */
    readonly part = "",
    /** The file ends before the zip does (cut short while copied or saved). */
    readonly truncated = false
  ) {
    super(message);
  }
}

/** A zip reader's words for a zip cut short. */
export const TRUNCATED =
  /end of central directory record signature not found|unexpected EOF|past the end/i;

/**
 * The uncompressed bytes of an entry; a CorruptZipError when they cannot be had or do not check,
 * a TooLargeError when they would grow past the size the entry declares.
 */
export function entryData(entry: ZipEntry, codec: Codec): Uint8Array {
  if (entry.encrypted || (entry.method !== 0 && entry.method !== 8))
    throw new CorruptZipError(
      `zip: ${entry.name}: unsupported compression or encryption`,
      entry.name
    );
  let out: Uint8Array;
  try {
    out = entry.method === 0 ? entry.raw : codec.inflateRaw(entry.raw, entry.uncompressedSize);
  } catch (e) {
    if (e instanceof TooLargeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw Object.assign(
        new TooLargeError(
          entry.name,
          `解压后超过文件中记录的大小（${entry.uncompressedSize} 字节）`
        ),
        { cause: e }
      );
    throw Object.assign(
      new CorruptZipError(`zip: ${entry.name}: ${(e as Error).message}`, entry.name),
      { cause: e }
    );
  }
  if (out.length !== entry.uncompressedSize || codec.crc32(out) !== entry.crc32)
    throw new CorruptZipError(`zip: ${entry.name}: size or CRC does not match`, entry.name);
  return out;
}

/**
 * DEFLATE level of the parts written anew. Measured with node:zlib on a 200-sheet workbook
 * (5.6 MB of XML rewritten): level 1 takes 27 ms and writes 922 KB, 3 29 ms / 902 KB, 4 37 ms /
 * 870 KB, 6 (zlib's default) 46 ms / 843 KB. 3 is the best of zlib's fast levels (1–3).
 */
export const DEFLATE_LEVEL = 3;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the zip's) in plain JavaScript, for a platform without a native one. */
export function crc32Table(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
