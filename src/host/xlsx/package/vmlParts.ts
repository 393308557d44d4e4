import { CT, NS, REL, WORKSHEET_ORDER, XML_DECL } from "./constants";
import { Package } from "./opc";
import { Rels } from "./rels";
import { SheetXml } from "./sheetXml";
import { vmlEditor } from "./vmlEditors";
import { SheetEntry } from "./workbook";
import type { XmlDoc } from "./xmlDoc";
import { child, createLike, insertOrdered, remove, setRelId } from "./xmlHelpers";

/** Notes' VML: the legacy drawing of a sheet, its shape ids, opened or made. */
export interface VmlEditor {
  removeNote(row0: number, col0: number): void;
  /** `anchor`: the note box's finished x:Anchor. */
  addNote(row0: number, col0: number, anchor: string): void;
  finish(): Promise<void>;
}

/** Every idmap block any VML part of the package uses. */
export async function usedVmlBlocks(pkg: Package): Promise<Set<number>> {
  // read once per package: the set is then kept up to date as blocks are handed out
  if (pkg.vmlBlocks) return pkg.vmlBlocks;
  const used = new Set<number>();
  pkg.vmlBlocks = used;
  for (const part of pkg.parts()) {
    if (!/\.vml$/i.test(part)) continue;
    const text = (await pkg.text(part)) ?? "";
    for (const m of text.matchAll(/idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']/g))
      for (const d of m[1].split(/[\s,]+/))
        if (d && Number.isFinite(Number(d))) used.add(Number(d));
  }
  return used;
}

/** A note shape; `anchor` is its finished x:Anchor (noteBox.ts sizes it to the text). */
export function noteShapeXml(
  id: number,
  row0: number,
  col0: number,
  anchor: string,
  typeId: string,
  z: number
): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#${typeId}" ` +
    `style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:${z};visibility:hidden" ` +
    `fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row0}</x:Row><x:Column>${col0}</x:Column></x:ClientData></v:shape>`
  );
}

export const SHAPETYPE_202 =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/** Shape ids: the blocks of 1024 the idmap gives this drawing, extended with a new block if full. */
export class ShapeIds {
  private readonly used = new Set<number>();
  /** Per block, where the search for a free id starts: every id before it is used. */
  private readonly from = new Map<number, number>();
  constructor(
    private blocks: number[],
    private readonly taken: Set<number>,
    existing: Iterable<number>,
    private readonly onNewBlock: (blocks: number[]) => void
  ) {
    for (const id of existing) this.used.add(id);
  }
  next(): number {
    for (;;) {
      for (const b of this.blocks) {
        for (let id = this.from.get(b) ?? b * 1024 + 1; id < (b + 1) * 1024; id++) {
          if (!this.used.has(id)) {
            this.used.add(id);
            this.from.set(b, id + 1);
            return id;
          }
        }
        this.from.set(b, (b + 1) * 1024);
      }
      let block = Math.max(0, ...this.taken, ...this.blocks) + 1;
      while (this.taken.has(block)) block++;
      this.taken.add(block);
      this.blocks = [...this.blocks, block];
      this.onNewBlock(this.blocks);
    }
  }
}

export async function openVml(
  pkg: Package,
  sheet: SheetEntry,
  ws: SheetXml,
  rels: Rels,
  adding: boolean
): Promise<VmlEditor | null> {
  const legacy = child(ws.root, "legacyDrawing");
  const rid = legacy?.getAttributeNS(NS.rel, "id") ?? null;
  const rel = rid ? rels.byId(rid) : rels.byKind("vmlDrawing").find((r) => !r.external);
  let part = rel && !rel.external ? rels.partOf(rel) : null;
  if (part && !pkg.has(part)) part = null;
  if (!part && !adding) return null;
  const blocks = await usedVmlBlocks(pkg);
  if (!part) {
    // a sheet's first notes: the minimal part, edited below as any other
    let block = Math.max(0, ...blocks) + 1;
    while (blocks.has(block)) block++;
    blocks.add(block);
    part = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    pkg.create(part, emptyVml(block));
    await pkg.ensureDefault("vml", CT.vml);
    const id = rels.add(REL.vmlDrawing, part);
    const el = legacy ?? createLike(ws.root, "legacyDrawing");
    setRelId(el, id);
    if (!legacy) insertOrdered(ws.root, el, WORKSHEET_ORDER);
    pkg.touch(sheet.part);
  }
  const vmlPart = part;
  const dropVml = async (): Promise<void> => {
    for (const r of rels.byKind("vmlDrawing"))
      if (rels.partOf(r).toLowerCase() === vmlPart.toLowerCase()) rels.remove(r.id);
    const el = child(ws.root, "legacyDrawing");
    if (el) remove(el);
    await pkg.dropPart(vmlPart);
    pkg.touch(sheet.part);
  };
  let doc: XmlDoc | null;
  try {
    doc = await pkg.xml(vmlPart);
  } catch (e) {
    if (!(e instanceof Error && e.message.startsWith("无法解析"))) throw e;
    // VML Excel wrote that is not well-formed XML: its lenient index
    doc = await pkg.xml(vmlPart, true);
  }
  return doc ? vmlEditor(pkg, vmlPart, doc, blocks, dropVml) : null;
}

/** A VML part with no shape yet: its idmap block and the note shape type. */
export function emptyVml(block: number): string {
  return (
    `${XML_DECL}<xml xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE_202}</xml>`
  );
}
