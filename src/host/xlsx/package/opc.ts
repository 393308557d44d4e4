import { NS, XML_DECL } from "./constants";
import { PackageParts } from "./parts";
import { Rels } from "./rels";
import { relsPartOf } from "./paths";
import { XmlDoc } from "./xmlDoc";
import { child, childrenNamed, createLike, remove } from "./xmlHelpers";
import type { XmlEl } from "./xmlNode";
import { type WrittenEntry, precompress } from "./zipWrite";

/** The package being written: parts by name (case-insensitive), their text or edited document, relationships, content types. */

/** The package index of `input` (or the one given: the reader's, so the zip is read once). */
export async function openPackage(input: Uint8Array | PackageParts): Promise<PackageParts> {
  if (input instanceof PackageParts) return input;
  try {
    return await PackageParts.open(input);
  } catch (e) {
    throw new Error(`不是有效的 Excel 工作簿（.xlsx）：${(e as Error).message}`);
  }
}

/** Parts at least this long are compressed as soon as they are made (see Package.create). */
export const PRECOMPRESS_SIZE = 64 * 1024;

export class Package {
  /** VML shape-id blocks in use (o:idmap), once read. */
  vmlBlocks: Set<number> | null = null;
  private readonly names = new Map<string, string>();
  /** Parts made in memory and not yet registered (a rels part nothing was added to yet). */
  private readonly pending = new Map<string, string>();
  private readonly docs = new Map<string, XmlDoc>();
  /** Parts made here (or replaced wholesale) as text, parsed only if something edits them. */
  private readonly made = new Map<string, string>();
  /** The entries written into the zip, by entry name. */
  readonly written = new Map<string, WrittenEntry>();
  /** The input's entries removed, by entry name. */
  readonly removed = new Set<string>();
  /** Large made parts, compressing, by key. */
  private readonly precompressed = new Map<string, WrittenEntry>();
  private readonly dirty = new Set<string>();
  private readonly relsCache = new Map<string, Rels>();
  /** freeName's start for each kind of name (cleared when a part goes). */
  private readonly taken = new Map<string, number>();
  private contentTypes: XmlDoc | null = null;
  /** The Overrides of [Content_Types].xml by lower-case part name. */
  private overrides: Map<string, XmlEl[]> | null = null;

  constructor(readonly index: PackageParts) {
    for (const e of index.archive.entries) if (!e.dir) this.names.set(e.name.toLowerCase(), e.name);
  }

  actual(part: string): string | undefined {
    return this.names.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.names.has(part.toLowerCase());
  }

  parts(): string[] {
    return [...this.names.values()];
  }

  async text(part: string): Promise<string | null> {
    const key = part.toLowerCase();
    const doc = this.docs.get(key);
    if (doc && this.dirty.has(key)) return doc.toString();
    const made = this.made.get(key);
    if (made !== undefined) return made;
    const name = this.actual(part);
    const written = name === undefined ? undefined : this.written.get(name);
    if (written !== undefined) return written.text;
    if (name === undefined || this.removed.has(name)) return null;
    return this.index.text(name);
  }

  /** The part to edit (`lenient`: not refused when it is not well-formed, see xmlIndex.ts). */
  async xml(part: string, lenient = false): Promise<XmlDoc | null> {
    const key = part.toLowerCase();
    const cached = this.docs.get(key);
    if (cached) return cached;
    // a part as read, which the reader indexed already: edited on that index (one parse)
    const name = this.actual(part);
    const kept =
      name !== undefined &&
      !this.made.has(key) &&
      !this.written.has(name) &&
      !this.removed.has(name)
        ? this.index.keptIndex(name)
        : undefined;
    if (kept) {
      const doc = XmlDoc.onIndex(kept);
      this.docs.set(key, doc);
      return doc;
    }
    const text = await this.text(part);
    if (text === null) return null;
    const doc = XmlDoc.parse(text, part, lenient);
    this.docs.set(key, doc);
    this.made.delete(key); // the document holds it now (and is still to be written)
    return doc;
  }

  async mustXml(part: string): Promise<XmlDoc> {
    const doc = await this.xml(part);
    if (!doc) throw new Error(`工作簿缺少部件 ${part}`);
    return doc;
  }

  /** A new XML part (or one replaced wholesale), written at flush; parsed only if edited. */
  create(part: string, text: string): void {
    const key = part.toLowerCase();
    if (!this.names.has(key)) this.names.set(key, part);
    this.docs.delete(key);
    this.made.set(key, text);
    this.dirty.add(key);
    // a large part (a new sheet) is compressed now (on zlib's threads in Node) while the rest is done
    if (text.length >= PRECOMPRESS_SIZE) {
      const compressed = precompress(text, this.index.codec);
      compressed.catch(() => {}); // (awaited when written; a part replaced meanwhile is not)
      this.precompressed.set(key, { text, compressed });
    }
  }

  touch(part: string): void {
    const key = part.toLowerCase();
    this.dirty.add(key);
    const name = this.pending.get(key);
    if (name && !this.names.has(key)) this.names.set(key, name);
    this.pending.delete(key);
  }

  remove(part: string): void {
    this.taken.clear();
    const key = part.toLowerCase();
    const name = this.names.get(key);
    if (name) {
      this.removed.add(name);
      this.written.delete(name);
    }
    this.precompressed.delete(key);
    this.names.delete(key);
    this.docs.delete(key);
    this.made.delete(key);
    this.dirty.delete(key);
    this.relsCache.delete(key);
    this.pending.delete(key);
  }

  /** The first free name made by `make(n)`, n = 1, 2, … */
  freeName(make: (n: number) => string): string {
    // where the search for names like make(1) can start: every one before it is taken
    const family = make(1);
    for (let n = this.taken.get(family) ?? 1; ; n++) {
      const name = make(n);
      if (!this.has(name)) {
        this.taken.set(family, n);
        return name;
      }
    }
  }

  async rels(source: string): Promise<Rels> {
    const part = relsPartOf(source);
    const key = part.toLowerCase();
    const had = this.relsCache.get(key);
    if (had) return had;
    let doc = await this.xml(part);
    if (!doc) {
      doc = XmlDoc.parse(`${XML_DECL}<Relationships xmlns="${NS.pkgRel}"/>`, part);
      this.docs.set(key, doc);
      this.pending.set(key, part);
      // registered as a part only when something is added (touch + flush)
    }
    const rels = new Rels(this, source, part, doc);
    this.relsCache.set(key, rels);
    return rels;
  }

  // ── [Content_Types].xml ──

  async types(): Promise<XmlDoc> {
    if (!this.contentTypes) this.contentTypes = await this.mustXml("[Content_Types].xml");
    return this.contentTypes;
  }

  /** The Overrides by lower-case part name, indexed once. */
  private async overrideIndex(): Promise<Map<string, XmlEl[]>> {
    if (this.overrides) return this.overrides;
    const doc = await this.types();
    const index = new Map<string, XmlEl[]>();
    for (const o of childrenNamed(doc.root, "Override")) {
      const key = (o.getAttribute("PartName") ?? "").toLowerCase();
      const list = index.get(key);
      if (list) list.push(o);
      else index.set(key, [o]);
    }
    this.overrides = index;
    return index;
  }

  async setOverride(part: string, type: string): Promise<void> {
    const index = await this.overrideIndex();
    const root = (await this.types()).root;
    const name = `/${part}`;
    for (const o of index.get(name.toLowerCase()) ?? []) remove(o);
    const el = createLike(root, "Override");
    el.setAttribute("PartName", name);
    el.setAttribute("ContentType", type);
    root.appendChild(el);
    index.set(name.toLowerCase(), [el]);
    this.touch("[Content_Types].xml");
  }

  async removeOverride(part: string): Promise<void> {
    const index = await this.overrideIndex();
    const name = `/${part}`.toLowerCase();
    const list = index.get(name);
    if (!list || list.length === 0) return;
    for (const o of list) remove(o);
    index.delete(name);
    this.touch("[Content_Types].xml");
  }

  async ensureDefault(extension: string, type: string): Promise<void> {
    const doc = await this.types();
    const root = doc.root;
    const has = childrenNamed(root, "Default").some(
      (d) => (d.getAttribute("Extension") ?? "").toLowerCase() === extension.toLowerCase()
    );
    if (has) return;
    const el = createLike(root, "Default");
    el.setAttribute("Extension", extension);
    el.setAttribute("ContentType", type);
    const firstOverride = child(root, "Override");
    if (firstOverride) root.insertBefore(el, firstOverride);
    else root.appendChild(el);
    this.touch("[Content_Types].xml");
  }

  /** Remove a part with its rels part and its Override. */
  async dropPart(part: string): Promise<void> {
    this.remove(part);
    this.remove(relsPartOf(part));
    await this.removeOverride(part);
  }

  async flush(): Promise<void> {
    for (const key of this.dirty) {
      const name = this.names.get(key);
      if (!name) continue;
      const doc = this.docs.get(key);
      const text = doc ? doc.toString() : this.made.get(key);
      if (text !== undefined) {
        const early = this.precompressed.get(key);
        this.written.set(name, early?.text === text ? early : { text });
      }
    }
    this.dirty.clear();
  }
}
