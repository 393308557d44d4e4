import { NS } from "./constants";
import type { Package } from "./opc";
import { SHAPETYPE_202, ShapeIds, type VmlEditor, noteShapeXml } from "./vmlParts";
import type { XmlDoc } from "./xmlDoc";
import { descendants, elements, prefixFor, remove, textOf } from "./xmlHelpers";
import type { XmlEl } from "./xmlNode";

/**
 * The notes of a VML part (a sheet's legacy drawing), edited in place — one way for every part:
 * one made here starts as the minimal part (vmlParts.ts) and comes through here, and VML that is
 * not well-formed XML (old Excel writes such) comes here on its lenient index. Elements are
 * matched by their local names (VML prefixes are not always bound); new shapes are written with
 * the prefixes v, o and x, declared on the shape when the part binds them otherwise.
 */
export function vmlEditor(
  pkg: Package,
  part: string,
  doc: XmlDoc,
  taken: Set<number>,
  dropVml: () => Promise<void>
): VmlEditor {
  const root = doc.root;
  // the shapes below are written with v, o and x: as they are when the root binds those
  let usual = true;
  for (const [p, ns] of [
    ["v", NS.vml],
    ["o", NS.office],
    ["x", NS.excel],
  ] as const) {
    const bound = root.getAttribute(`xmlns:${p}`);
    if (bound === null) {
      if (prefixFor(doc, ns, p) !== p) usual = false;
    } else if (bound !== ns) usual = false;
  }
  const declare = (markup: string): string =>
    usual
      ? markup
      : markup.replace(
          /^<([^\s/>]+)/,
          `<$1 xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}"`
        );
  let idmap: XmlEl | null = descendants(root, null, "idmap")[0] ?? null;
  const blocks = (idmap?.getAttribute("data") ?? "")
    .split(/[\s,]+/)
    .filter((d) => d !== "" && Number.isFinite(Number(d)))
    .map(Number);
  const shapes = (): XmlEl[] => descendants(root, null, "shape");
  const existingIds = shapes()
    .flatMap((s) => [s.getAttribute("id") ?? "", s.getAttributeNS(NS.office, "spid") ?? ""])
    .map((id) => /_x0000_s(\d+)$/.exec(id)?.[1])
    .filter((x): x is string => !!x)
    .map(Number);
  let onNewBlock = (list: number[]): void => idmap?.setAttribute("data", list.join(","));
  if (blocks.length === 0) {
    // no idmap: give the drawing a block of its own
    let b = Math.max(0, ...taken) + 1;
    while (taken.has(b)) b++;
    taken.add(b);
    blocks.push(b);
    const layoutXml = (list: number[]): string =>
      declare(
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${list.join(",")}"/></o:shapelayout>`
      );
    const layout = doc.fragment(layoutXml(blocks));
    root.insertBefore(layout, elements(root)[0] ?? null);
    idmap = null;
    onNewBlock = (list) => (layout.raw = layoutXml(list));
  }
  const ids = new ShapeIds(blocks, taken, existingIds, (list) => onNewBlock(list));
  let typeId = descendants(root, null, "shapetype")
    .find((t) => t.getAttributeNS(NS.office, "spt") === "202" || t.getAttribute("o:spt") === "202")
    ?.getAttribute("id");
  const notePosition = (shape: XmlEl): { row: number; col: number } | null => {
    const data = descendants(shape, null, "ClientData")[0];
    if (!data || data.getAttribute("ObjectType") !== "Note") return null;
    return {
      row: Number(textOf(descendants(data, null, "Row")[0] ?? null).trim()),
      col: Number(textOf(descendants(data, null, "Column")[0] ?? null).trim()),
    };
  };
  // the note shapes, indexed once, in document order (a sheet can carry thousands)
  const allShapes = shapes();
  let shapeCount = allShapes.length;
  const notes: { row: number; col: number; el: XmlEl }[] = [];
  for (const el of allShapes) {
    const p = notePosition(el);
    if (p) notes.push({ ...p, el });
  }
  return {
    removeNote(row0, col0) {
      for (let i = notes.length - 1; i >= 0; i--) {
        if (notes[i].row === row0 && notes[i].col === col0) {
          remove(notes[i].el);
          notes.splice(i, 1);
          shapeCount--;
        }
      }
    },
    addNote(row0, col0, anchor) {
      if (!typeId) {
        const st = doc.fragment(declare(SHAPETYPE_202), NS.vml);
        const firstShape = shapes()[0];
        if (firstShape && firstShape.parent) firstShape.parent.insertBefore(st, firstShape);
        else root.appendChild(st);
        typeId = "_x0000_t202";
      }
      shapeCount++;
      const el = doc.fragment(
        declare(noteShapeXml(ids.next(), row0, col0, anchor, typeId, shapeCount)),
        NS.vml
      );
      // note shapes in the order of the comments (row by row): readers pair them by position
      const at = notes.findIndex((n) => n.row > row0 || (n.row === row0 && n.col > col0));
      const before = at >= 0 ? notes[at].el : null;
      if (before && before.parent) before.parent.insertBefore(el, before);
      else root.appendChild(el);
      notes.splice(at >= 0 ? at : notes.length, 0, { row: row0, col: col0, el });
    },
    async finish() {
      const drawn = elements(root).filter(
        (e) => e.localName !== "shapelayout" && e.localName !== "shapetype"
      );
      if (drawn.length === 0) await dropVml();
      else pkg.touch(part);
    },
  };
}
