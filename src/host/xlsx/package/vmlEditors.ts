import { noteIndex } from "./comments";
import { NS, XML_DECL } from "./constants";
import { Package } from "./opc";
import { SHAPETYPE_202, ShapeIds, VmlEditor, noteShapeXml, vmlWrapper } from "./vmlParts";
import { XElement } from "./xmlDom";
import { XDocument } from "./xmlDocument";
import { descendants, elements, prefixFor, remove, textOf } from "./xmlHelpers";
import { parseXml } from "./xmlWrite";

/** Notes' VML editors: the DOM one, a fresh part, and the text one for VML that is not XML. */
export function domVml(
  pkg: Package,
  part: string,
  doc: XDocument,
  taken: Set<number>,
  dropVml: () => Promise<void>
): VmlEditor {
  const root = doc.documentElement as XElement;
  // the fragments below are written with v, o and x: copied as they are when the root binds those
  let usual = true;
  for (const [p, ns] of [
    ["v", NS.vml],
    ["o", NS.office],
    ["x", NS.excel],
  ] as const)
    if (prefixFor(doc, ns, p) !== p) usual = false;
  let idmap = descendants(root, NS.office, "idmap")[0] ?? null;
  const blocks = (idmap?.getAttribute("data") ?? "")
    .split(/[\s,]+/)
    .filter((d) => d !== "" && Number.isFinite(Number(d)))
    .map(Number);
  const shapes = (): XElement[] => descendants(root, NS.vml, "shape");
  const existingIds = shapes()
    .flatMap((s) => [s.getAttribute("id") ?? "", s.getAttributeNS(NS.office, "spid") ?? ""])
    .map((id) => /_x0000_s(\d+)$/.exec(id)?.[1])
    .filter((x): x is string => !!x)
    .map(Number);
  const ensureLayout = (list: number[]): void => {
    if (idmap) idmap.setAttribute("data", list.join(","));
  };
  if (blocks.length === 0) {
    // no idmap: give the drawing a block of its own
    let b = Math.max(0, ...taken) + 1;
    while (taken.has(b)) b++;
    taken.add(b);
    blocks.push(b);
    const pfx = root.lookupPrefix(NS.office) ?? "o";
    const vp = root.lookupPrefix(NS.vml) ?? "v";
    const layout = doc.createElementNS(NS.office, `${pfx}:shapelayout`);
    layout.setAttributeNS(NS.vml, `${vp}:ext`, "edit");
    const map = doc.createElementNS(NS.office, `${pfx}:idmap`);
    map.setAttributeNS(NS.vml, `${vp}:ext`, "edit");
    map.setAttribute("data", String(b));
    layout.appendChild(map);
    root.insertBefore(layout, root.firstChild);
    idmap = map;
  }
  const ids = new ShapeIds(blocks, taken, existingIds, ensureLayout);
  let typeId = descendants(root, NS.vml, "shapetype")
    .find((t) => t.getAttributeNS(NS.office, "spt") === "202")
    ?.getAttribute("id");
  // parsed inside a wrapper that declares v, o and x, so the imported copy carries no declarations
  const parseFragment = (xml: string): XElement =>
    doc.importNode(
      elements(parseXml(vmlWrapper(xml), part).documentElement as XElement)[0],
      true,
      usual
    );
  const notePosition = (shape: XElement): { row: number; col: number } | null => {
    const data = descendants(shape, NS.excel, "ClientData")[0];
    if (!data || data.getAttribute("ObjectType") !== "Note") return null;
    return {
      row: Number(textOf(descendants(data, NS.excel, "Row")[0] ?? null).trim()),
      col: Number(textOf(descendants(data, NS.excel, "Column")[0] ?? null).trim()),
    };
  };
  // the note shapes, indexed once, in document order (a sheet can carry thousands)
  const allShapes = shapes();
  let shapeCount = allShapes.length;
  const notes: { row: number; col: number; el: XElement }[] = [];
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
        const st = parseFragment(SHAPETYPE_202);
        const firstShape = shapes()[0];
        if (firstShape) firstShape.parentNode!.insertBefore(st, firstShape);
        else root.appendChild(st);
        typeId = "_x0000_t202";
      }
      shapeCount++;
      const el = parseFragment(noteShapeXml(ids.next(), row0, col0, anchor, typeId, shapeCount));
      // note shapes in the order of the comments (row by row): readers pair them by position
      const at = notes.findIndex((n) => n.row > row0 || (n.row === row0 && n.col > col0));
      if (at >= 0) notes[at].el.parentNode!.insertBefore(el, notes[at].el);
      else root.appendChild(el);
      notes.splice(at >= 0 ? at : notes.length, 0, { row: row0, col: col0, el });
    },
    async finish() {
      const drawn = elements(root).filter(
        (e) =>
          !(e.namespaceURI === NS.office && e.localName === "shapelayout") &&
          !(e.namespaceURI === NS.vml && e.localName === "shapetype")
      );
      if (drawn.length === 0) await dropVml();
      else pkg.touch(part);
    },
  };
}

/** A VML part made here for the notes: written as text, as domVml would write it. */
export function freshVml(
  pkg: Package,
  part: string,
  block: number,
  taken: Set<number>,
  dropVml: () => Promise<void>
): VmlEditor {
  let blocks = [block];
  const ids = new ShapeIds(blocks, taken, [], (list) => {
    blocks = list;
  });
  const shapes: { row: number; col: number; xml: string }[] = [];
  let shapeCount = 0;
  return {
    removeNote(row0, col0) {
      for (let i = shapes.length - 1; i >= 0; i--) {
        if (shapes[i].row === row0 && shapes[i].col === col0) {
          shapes.splice(i, 1);
          shapeCount--;
        }
      }
    },
    addNote(row0, col0, anchor) {
      shapeCount++;
      const xml = noteShapeXml(ids.next(), row0, col0, anchor, "_x0000_t202", shapeCount);
      shapes.splice(noteIndex(shapes, row0, col0), 0, { row: row0, col: col0, xml });
    },
    async finish() {
      if (shapes.length === 0) {
        await dropVml();
        return;
      }
      pkg.create(
        part,
        `${XML_DECL}<xml xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}">` +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/></o:shapelayout>` +
          SHAPETYPE_202 +
          shapes.map((s) => s.xml).join("") +
          `</xml>`
      );
    },
  };
}

/** VML that is not well-formed XML (old Excel writes such): edited as text, shapes found by pattern. */
export function textVml(
  pkg: Package,
  part: string,
  original: string,
  taken: Set<number>,
  dropVml: () => Promise<void>
): VmlEditor {
  let text = original;
  // a self-closing shape, or a shape up to its end tag (VML shapes do not nest)
  const shapeRe =
    /<v:shape\b(?:[^>"']|"[^"]*"|'[^']*')*?\/>|<v:shape\b(?:[^>"']|"[^"]*"|'[^']*')*?>[\s\S]*?<\/v:shape>/g;
  const blocks = (/idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']/.exec(text)?.[1] ?? "")
    .split(/[\s,]+/)
    .filter((d) => d !== "" && Number.isFinite(Number(d)))
    .map(Number);
  if (blocks.length === 0) {
    let b = Math.max(0, ...taken) + 1;
    while (taken.has(b)) b++;
    taken.add(b);
    blocks.push(b);
    text = text.replace(
      /(<xml\b[^>]*>)/,
      `$1<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${b}"/></o:shapelayout>`
    );
  }
  const existing = [...text.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const ids = new ShapeIds(blocks, taken, existing, (list) => {
    text = text.replace(/(idmap\b[^>]*?\bdata\s*=\s*["'])[^"']*(["'])/, `$1${list.join(",")}$2`);
  });
  const hasType = /o:spt\s*=\s*["']202["']/.test(text);
  const typeId =
    /<v:shapetype\b[^>]*\bid\s*=\s*["']([^"']+)["'][^>]*o:spt\s*=\s*["']202["']/.exec(text)?.[1] ??
    /<v:shapetype\b[^>]*o:spt\s*=\s*["']202["'][^>]*\bid\s*=\s*["']([^"']+)["']/.exec(text)?.[1] ??
    "_x0000_t202";
  let addedType = hasType;
  const insert = (xml: string): void => {
    const at = text.lastIndexOf("</xml>");
    text = at >= 0 ? text.slice(0, at) + xml + text.slice(at) : text + xml;
  };
  return {
    removeNote(row0, col0) {
      text = text.replace(shapeRe, (shape) => {
        const isNote = /ObjectType\s*=\s*["']Note["']/.test(shape);
        const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
        const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
        return isNote && Number(row) === row0 && Number(col) === col0 ? "" : shape;
      });
    },
    addNote(row0, col0, anchor) {
      if (!addedType) {
        insert(SHAPETYPE_202);
        addedType = true;
      }
      const z = (text.match(shapeRe) ?? []).length + 1;
      insert(noteShapeXml(ids.next(), row0, col0, anchor, typeId, z));
    },
    async finish() {
      if (
        (text.match(shapeRe) ?? []).length === 0 &&
        !/<v:(group|rect|oval|line|roundrect|image)\b/.test(text)
      )
        await dropVml();
      else if (text !== original) pkg.putRaw(part, text);
    },
  };
}
