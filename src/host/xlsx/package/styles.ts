import type { CellStyle } from "../../../form/layout/sheetLayout";
import { layoutStyleParts, type XmlNode } from "../sheetLayoutXml";
import { NS, STYLESHEET_ORDER, XML_DECL } from "./constants";
import { BUILTIN_FORMATS } from "./formats";
import type { XmlDoc } from "./xmlDoc";
import { canonical, child, childrenNamed, createLike, insertOrdered, remove } from "./xmlHelpers";
import type { XmlEl } from "./xmlNode";
import { plainText } from "./xmlText";

/** styles.xml: number formats, fills and layout styles, an xf found or added. */

export const MINIMAL_STYLES =
  `${XML_DECL}<styleSheet xmlns="${NS.main}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

export class Styles {
  private readonly root: XmlEl;
  /** The items of each collection (cellXfs → its xf…), read once and kept up to date. */
  private readonly lists = new Map<string, XmlEl[]>();
  /** Each collection's items by canonical form → the first such item's index. */
  private readonly keys = new Map<string, Map<string, number>>();
  /** Results of withNumberFormat and withFill: the same arguments give the same xf. */
  private readonly memo = new Map<string, number>();

  constructor(
    readonly doc: XmlDoc,
    private readonly touch: () => void
  ) {
    this.root = doc.root;
  }

  private collection(local: string): XmlEl {
    let el = child(this.root, local);
    if (!el) {
      el = createLike(this.root, local);
      insertOrdered(this.root, el, STYLESHEET_ORDER);
      this.touch();
    }
    return el;
  }

  private items(local: string, item: string): XmlEl[] {
    let list = this.lists.get(local);
    if (!list) {
      const el = child(this.root, local);
      list = el ? childrenNamed(el, item) : [];
      this.lists.set(local, list);
    }
    return list;
  }

  /** Append (or find an equal) item; returns its index. */
  private addItem(local: string, item: XmlEl): number {
    const list = this.items(local, item.localName);
    let keys = this.keys.get(local);
    if (!keys) {
      keys = new Map();
      for (let i = 0; i < list.length; i++) {
        const k = canonical(list[i]);
        if (!keys.has(k)) keys.set(k, i);
      }
      this.keys.set(local, keys);
    }
    const key = canonical(item);
    const same = keys.get(key);
    if (same !== undefined) return same;
    const coll = this.collection(local);
    coll.appendChild(item);
    coll.setAttribute("count", String(list.length + 1));
    keys.set(key, list.length);
    list.push(item);
    this.touch();
    return list.length - 1;
  }

  private xf(index: number): XmlEl {
    const xfs = this.items("cellXfs", "xf");
    const xf = xfs[index] ?? xfs[0];
    if (xf) return xf;
    // no cellXfs at all: the default
    const el = createLike(this.root, "xf");
    for (const a of ["numFmtId", "fontId", "fillId", "borderId", "xfId"]) el.setAttribute(a, "0");
    this.addItem("cellXfs", el);
    return el;
  }

  private cloneXf(index: number): XmlEl {
    return this.xf(index).clone();
  }

  numFmtCode(id: number): string | null {
    for (const f of this.items("numFmts", "numFmt"))
      if (Number(f.getAttribute("numFmtId")) === id) return f.getAttribute("formatCode");
    return BUILTIN_FORMATS[id] ?? null;
  }

  formatOf(s: number): string {
    return this.numFmtCode(Number(this.xf(s).getAttribute("numFmtId") ?? "0")) ?? "General";
  }

  private numFmtId(code: string): number {
    if (code === "" || code.toLowerCase() === "general") return 0;
    const custom = this.items("numFmts", "numFmt");
    for (const f of custom)
      if (f.getAttribute("formatCode") === code) return Number(f.getAttribute("numFmtId"));
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code) return Number(id);
    const id = Math.max(163, ...custom.map((f) => Number(f.getAttribute("numFmtId")) || 0)) + 1;
    const el = createLike(this.root, "numFmt");
    el.setAttribute("numFmtId", String(id));
    el.setAttribute("formatCode", plainText(code));
    this.addItem("numFmts", el);
    return id;
  }

  /** The xf of style `s` with number format `code`. */
  withNumberFormat(s: number, code: string | null): number {
    return this.remember(`n|${s}|${code ?? ""}`, s, () => this.numberFormatXf(s, code));
  }

  /** The xf of style `s` with a solid fill of colour `hex` (RRGGBB or AARRGGBB), or no fill. */
  withFill(s: number, hex: string | null): number {
    return this.remember(`f|${s}|${hex ?? "-"}`, s, () => this.fillXf(s, hex));
  }

  /** `make()` once per key, while style `s` names an xf that exists (else each time). */
  private remember(key: string, s: number, make: () => number): number {
    const had = this.memo.get(key);
    if (had !== undefined) return had;
    const result = make();
    if (s >= 0 && s < this.items("cellXfs", "xf").length) this.memo.set(key, result);
    return result;
  }

  private numberFormatXf(s: number, code: string | null): number {
    const id = this.numFmtId(code ?? "General");
    const xf = this.xf(s);
    if (Number(xf.getAttribute("numFmtId") ?? "0") === id) return s;
    const clone = this.cloneXf(s);
    clone.setAttribute("numFmtId", String(id));
    clone.setAttribute("applyNumberFormat", "1");
    return this.addItem("cellXfs", clone);
  }

  private fillXf(s: number, hex: string | null): number {
    let fillId = 0;
    if (hex !== null) {
      const argb = normalizeColour(hex);
      const fill = createLike(this.root, "fill");
      const pattern = createLike(this.root, "patternFill");
      pattern.setAttribute("patternType", "solid");
      const fg = createLike(this.root, "fgColor");
      fg.setAttribute("rgb", argb);
      const bg = createLike(this.root, "bgColor");
      bg.setAttribute("indexed", "64");
      pattern.appendChild(fg);
      pattern.appendChild(bg);
      fill.appendChild(pattern);
      fillId = this.addItem("fills", fill);
    }
    const xf = this.xf(s);
    if (Number(xf.getAttribute("fillId") ?? "0") === fillId) return s;
    const clone = this.cloneXf(s);
    clone.setAttribute("fillId", String(fillId));
    if (fillId !== 0) clone.setAttribute("applyFill", "1");
    else {
      // back to the cell style's own fill: apply it only when the style has one
      const parent = this.items("cellStyleXfs", "xf")[Number(clone.getAttribute("xfId") ?? "0")];
      if (parent && Number(parent.getAttribute("fillId") ?? "0") !== 0)
        clone.setAttribute("applyFill", "1");
      else clone.removeAttribute("applyFill");
    }
    return this.addItem("cellXfs", clone);
  }

  /** An xf like the default one with its font changed by `change`. */
  private withFont(change: (font: XmlEl) => void): number {
    const base = this.xf(0);
    const fonts = this.items("fonts", "font");
    const font = (fonts[Number(base.getAttribute("fontId") ?? "0")] ?? fonts[0])?.clone();
    const f = font ?? createLike(this.root, "font");
    change(f);
    const fontId = this.addItem("fonts", f);
    const clone = this.cloneXf(0);
    clone.setAttribute("fontId", String(fontId));
    clone.setAttribute("applyFont", "1");
    return this.addItem("cellXfs", clone);
  }

  boldXf(): number {
    return this.withFont((f) => {
      if (!child(f, "b")) f.insertBefore(createLike(this.root, "b"), f.children()[0] ?? null);
    });
  }

  /** An xf like the default one with a layout style (sheetLayoutXml.ts): font, fill, border, alignment, format. */
  layoutXf(style: CellStyle): number {
    return this.remember(`l|${JSON.stringify(style)}`, 0, () => {
      const parts = layoutStyleParts(style);
      const xf = this.cloneXf(style.link ? this.linkXf() : style.bold ? this.boldXf() : 0);
      const apply = (attr: string, flag: string, local: string, node: XmlNode | null): void => {
        if (node === null) return;
        xf.setAttribute(attr, String(this.addItem(local, this.build(node))));
        xf.setAttribute(flag, "1");
      };
      apply("fillId", "applyFill", "fills", parts.fill);
      apply("borderId", "applyBorder", "borders", parts.border);
      if (style.numberFormat) {
        xf.setAttribute("numFmtId", String(this.numFmtId(style.numberFormat)));
        xf.setAttribute("applyNumberFormat", "1");
      }
      if (parts.alignment) {
        for (const a of childrenNamed(xf, "alignment")) remove(a);
        xf.insertBefore(this.build(parts.alignment), xf.children()[0] ?? null);
        xf.setAttribute("applyAlignment", "1");
      }
      return this.addItem("cellXfs", xf);
    });
  }

  /** An element of the styles document from a plain description. */
  private build(node: XmlNode): XmlEl {
    const el = createLike(this.root, node.name);
    for (const [k, v] of Object.entries(node.attrs ?? {})) el.setAttribute(k, v);
    for (const c of node.children ?? []) el.appendChild(this.build(c));
    return el;
  }

  linkXf(): number {
    return this.withFont((f) => {
      for (const c of childrenNamed(f, "color")) remove(c);
      for (const u of childrenNamed(f, "u")) remove(u);
      const u = createLike(this.root, "u");
      const color = createLike(this.root, "color");
      color.setAttribute("rgb", "FF0563C1");
      f.insertBefore(color, f.children()[0] ?? null);
      f.insertBefore(u, f.children()[0] ?? null);
    });
  }
}

export function normalizeColour(hex: string): string {
  const h = hex.trim().replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(h)) return `FF${h}`;
  if (/^[0-9A-F]{8}$/.test(h)) return h;
  throw new Error(`不是颜色值：${hex}`);
}
