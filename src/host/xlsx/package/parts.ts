import { DamagedPartError } from "./damage";
import { relKind, relsPartOf, resolveTarget } from "./paths";
import { checkDeclared } from "./zipLimits";
import { childrenOf, tree } from "./xml";
import { XmlIndex, indexXml, xmlSource } from "./xmlIndex";
import { platformCodec } from "./platformCodec";
import { entryData, type Codec, type ZipArchive, type ZipEntry } from "./zip";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The relationship type's last segment ("worksheet", "comments"…). */
  readonly kind: string;
  readonly target: string;
  /** The part it points to (resolved against the source); "" for an external target. */
  readonly part: string;
  readonly external: boolean;
}

/**
 * The package index: the zip's entries by part name (case-insensitive, as OPC names are), the
 * text of a part decoded once, and the relationships of a source part. The reader reads through
 * it, and the writer writes into the same index.
 */
export class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly relsCache = new Map<string, Relationship[]>();
  /** Parts indexed by the reader and found well-formed: the writer edits on these (one parse). */
  private readonly indexes = new Map<string, XmlIndex>();

  private constructor(
    readonly archive: ZipArchive,
    readonly codec: Codec
  ) {
    for (const e of archive.entries) if (!e.dir) this.byName.set(e.name.toLowerCase(), e);
  }

  /**
   * The index of the zip in `input`, read with the platform's codec unless one is given; its
   * entries' declared sizes checked against the limits (zipLimits.ts) before any is inflated. A
   * refusal carries the package on `parts`, for naming the part in words.
   */
  static async open(input: Uint8Array, codec: Codec = platformCodec): Promise<PackageParts> {
    const parts = new PackageParts(await codec.readZip(input), codec);
    try {
      checkDeclared(parts.archive.entries);
    } catch (e) {
      throw Object.assign(e as Error, { parts });
    }
    return parts;
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  /** The part's text (UTF-8, or UTF-16 with its byte-order mark), or null when there is no such part. */
  text(part: string): string | null {
    const key = part.toLowerCase();
    const had = this.texts.get(key);
    if (had !== undefined) return had;
    const entry = this.byName.get(key);
    if (!entry) return null;
    const text = decodeText(entryData(entry, this.codec));
    this.texts.set(key, text);
    return text;
  }

  /**
   * The part's index of elements for reading (null when there is no such part), kept for the
   * writer. A part that is not well-formed is a DamagedPartError: it is never read as far as a
   * lenient parser gets, nor copied into an output as if it were whole.
   */
  readIndex(part: string): XmlIndex | null {
    const key = part.toLowerCase();
    const had = this.indexes.get(key);
    if (had) return had;
    const text = this.text(part);
    if (text === null) return null;
    const ix = strictIndex(text, part);
    this.indexes.set(key, ix);
    return ix;
  }

  /**
   * The part's text, checked well-formed (a DamagedPartError otherwise); `keep`: its index kept
   * for the writer (a small part it will edit), else dropped once checked (shared strings).
   */
  wellFormedText(part: string, keep = true): string | null {
    const text = this.text(part);
    if (text === null || this.indexes.has(part.toLowerCase())) return text;
    const ix = strictIndex(text, part);
    if (keep) this.indexes.set(part.toLowerCase(), ix);
    return text;
  }

  /** The strict index the reader made of the part, if it made one. */
  keptIndex(part: string): XmlIndex | undefined {
    return this.indexes.get(part.toLowerCase());
  }

  /** The relationships of `source` ("" for the package's own). */
  rels(source: string): Relationship[] {
    const had = this.relsCache.get(source);
    if (had) return had;
    const text = this.wellFormedText(relsPartOf(source));
    const root = text === null ? null : tree(text);
    const list = childrenOf(root, "Relationship").map((el) => {
      const type = el.attrs.Type ?? "";
      const target = el.attrs.Target ?? "";
      const external = el.attrs.TargetMode === "External";
      return {
        id: el.attrs.Id ?? "",
        type,
        kind: relKind(type),
        target,
        part: external ? "" : resolveTarget(source, target),
        external,
      };
    });
    this.relsCache.set(source, list);
    return list;
  }

  /** The first internal part `source` relates to by `kind` that is in the package, or null. */
  related(source: string, kind: string): string | null {
    const rel = this.rels(source).find((r) => r.kind === kind && !r.external && this.entry(r.part));
    return rel ? (this.entry(rel.part) as ZipEntry).name : null;
  }
}

function strictIndex(text: string, part: string): XmlIndex {
  try {
    return indexXml(xmlSource(text), part);
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^无法解析 [^：]*：/, "") : String(e);
    throw Object.assign(new DamagedPartError(part, detail), { cause: e });
  }
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}
