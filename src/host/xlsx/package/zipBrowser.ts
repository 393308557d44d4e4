import { deflateSync, inflateSync } from "fflate";
import { DEFLATE_LEVEL, crc32Table, type Codec } from "./zip";
import { readZipDirectory } from "./zipDirectory";

/**
 * The browser's codec: the zip directory read by zipDirectory.ts (yauzl needs Node's streams),
 * DEFLATE by fflate (pure JavaScript, synchronous: a part's text is inflated where it is first
 * read), CRC-32 by table. Every field it reads is the one yauzl reads, so a package read here is
 * written exactly as in Node; only the compressed bytes of rewritten parts may differ.
 */
export const browserCodec: Codec = {
  readZip: (input) => Promise.resolve().then(() => readZipDirectory(input, crc32Table)),
  inflateRaw: (data) => inflateSync(data),
  deflateRaw: (data) => deflateSync(data, { level: DEFLATE_LEVEL }),
  deflateRawAsync: (data) =>
    Promise.resolve().then(() => deflateSync(data, { level: DEFLATE_LEVEL })),
  crc32: crc32Table,
};
