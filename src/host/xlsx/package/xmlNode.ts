import type { XmlDoc } from "./xmlDoc";
import {
  attributeIn,
  decodeContent,
  decodeXml,
  escAttr,
  escText,
  scanAttributes,
  type AttrSpan,
} from "./xmlText";

export const XML_NS = "http://www.w3.org/XML/1998/namespace";

/**
 * An element of a part being edited: either one of the source's (`id` in the doc's index, read
 * from the source, never re-serialised: its edits become splices when the part is written,
 * xmlDoc.ts) or one made here (`id` -1: name, attributes and children held here, written as
 * text). A child made here is an element or a string of markup (escaped text, a fragment).
 */
export type XmlChild = XmlEl | string;

export class XmlEl {
  /** A made element's parent, or a source element's once it was moved (never). */
  private made: { parent: XmlEl | null; attrs: [string, string][] } | null = null;
  /** Attribute edits of a source element: name → value (null: removed). */
  attrEdits: Map<string, string | null> | null = null;
  /** The children, once changed (a made element's always). */
  kids: XmlChild[] | null = null;
  /** A source element whose content was replaced as a whole (setText). */
  replaced = false;
  /** A source element removed from its parent. */
  removed = false;
  /** A fragment made from markup: written as is. */
  raw: string | null = null;
  private spans: AttrSpan[] | null = null;

  constructor(
    readonly doc: XmlDoc,
    readonly id: number,
    readonly tagName: string,
    /** A made element's namespace (from the element it was made like). */
    private readonly ns: string | null = null
  ) {}

  static make(doc: XmlDoc, tagName: string, ns: string | null): XmlEl {
    const el = new XmlEl(doc, -1, tagName, ns);
    el.made = { parent: null, attrs: [] };
    el.kids = [];
    return el;
  }

  get isSource(): boolean {
    return this.id >= 0;
  }

  get prefix(): string | null {
    const c = this.tagName.indexOf(":");
    return c < 0 ? null : this.tagName.slice(0, c);
  }

  get localName(): string {
    const c = this.tagName.indexOf(":");
    return c < 0 ? this.tagName : this.tagName.slice(c + 1);
  }

  get parent(): XmlEl | null {
    if (this.made) return this.made.parent;
    const p = this.doc.index.parent[this.id];
    return p < 0 ? null : this.doc.el(p);
  }

  set parent(p: XmlEl | null) {
    if (!this.made) throw new Error("内部错误：源元素不能移动");
    this.made.parent = p;
  }

  get namespaceURI(): string | null {
    if (this.ns !== null) return this.ns;
    return this.lookupNamespaceURI(this.prefix);
  }

  lookupNamespaceURI(prefix: string | null): string | null {
    if (prefix === "xml") return XML_NS;
    const decl = prefix ? `xmlns:${prefix}` : "xmlns";
    for (let el: XmlEl | null = this; el; el = el.parent) {
      const v = el.getAttribute(decl);
      if (v !== null) return v === "" ? null : v;
      if (el.ns !== null && el.prefix === prefix) return el.ns;
    }
    return null;
  }

  /** The prefix bound to `ns` here (not the default namespace), or null. */
  lookupPrefix(ns: string): string | null {
    const shadowed = new Set<string>();
    for (let el: XmlEl | null = this; el; el = el.parent) {
      for (const a of el.attributes()) {
        if (!a.name.startsWith("xmlns:")) continue;
        const p = a.name.slice(6);
        if (a.value === ns && !shadowed.has(p)) return p;
        shadowed.add(p);
      }
    }
    return null;
  }

  /** The source's attributes of a source element, with where each is written. */
  sourceAttrs(): AttrSpan[] {
    if (!this.spans) {
      const ix = this.doc.index;
      this.spans = scanAttributes(ix.source, ix.nameEnd[this.id], ix.attrEnd[this.id]);
    }
    return this.spans;
  }

  /** The attributes, as they are now. */
  attributes(): { name: string; value: string }[] {
    if (this.made) return this.made.attrs.map(([name, value]) => ({ name, value }));
    const s = this.doc.index.source;
    const out: { name: string; value: string }[] = [];
    const edits = this.attrEdits;
    for (const a of this.sourceAttrs()) {
      const edited = edits?.get(a.name);
      if (edited === null) continue;
      out.push({
        name: a.name,
        value: edited ?? decodeXml(s.slice(a.valueStart, a.end - 1), true),
      });
    }
    if (edits)
      for (const [name, value] of edits)
        if (value !== null && !out.some((a) => a.name === name)) out.push({ name, value });
    return out;
  }

  getAttribute(name: string): string | null {
    if (this.made) {
      for (const [n, v] of this.made.attrs) if (n === name) return v;
      return null;
    }
    const edited = this.attrEdits?.get(name);
    if (edited !== undefined) return edited;
    const ix = this.doc.index;
    const s = ix.source;
    // (a regular expression over the start tag: no objects for its attributes)
    if (!this.spans) return attributeIn(s, ix.nameEnd[this.id], ix.attrEnd[this.id], name);
    for (const a of this.sourceAttrs())
      if (a.name === name) return decodeXml(s.slice(a.valueStart, a.end - 1), true);
    return null;
  }

  /** The value of the attribute `local` in namespace `ns`, whatever its prefix. */
  getAttributeNS(ns: string, local: string): string | null {
    for (const a of this.attributes()) {
      const c = a.name.indexOf(":");
      if (c < 0 || a.name.slice(c + 1) !== local || a.name.startsWith("xmlns:")) continue;
      if (this.lookupNamespaceURI(a.name.slice(0, c)) === ns) return a.value;
    }
    return null;
  }

  setAttribute(name: string, value: string): void {
    if (this.getAttribute(name) === value) return;
    if (this.made) {
      const had = this.made.attrs.find(([n]) => n === name);
      if (had) had[1] = value;
      else this.made.attrs.push([name, value]);
      return;
    }
    (this.attrEdits ??= new Map()).set(name, value);
    this.doc.changed(this);
  }

  removeAttribute(name: string): void {
    if (this.getAttribute(name) === null) return;
    if (this.made) {
      this.made.attrs = this.made.attrs.filter(([n]) => n !== name);
      return;
    }
    const fromSource = this.sourceAttrs().some((a) => a.name === name);
    if (fromSource) (this.attrEdits ??= new Map()).set(name, null);
    else this.attrEdits?.delete(name);
    this.doc.changed(this);
  }

  /** The children as they are now: elements and (made elements) markup strings. */
  childNodes(): readonly XmlChild[] {
    if (this.kids) return this.kids;
    const ix = this.doc.index;
    const out: XmlEl[] = [];
    for (let k = ix.first[this.id]; k >= 0; k = ix.next[k]) out.push(this.doc.el(k));
    return out;
  }

  children(): XmlEl[] {
    if (!this.kids) return this.childNodes() as XmlEl[];
    return this.kids.filter((k): k is XmlEl => typeof k !== "string");
  }

  private ownKids(): XmlChild[] {
    if (!this.kids) {
      this.kids = [...this.childNodes()];
      this.doc.changed(this);
    }
    return this.kids;
  }

  /** Insert a made element (or markup) before `ref` (a child), or last. */
  insertBefore(node: XmlChild, ref: XmlEl | null): void {
    if (typeof node !== "string") {
      if (node.isSource) throw new Error("内部错误：源元素不能移动");
      node.parent?.removeChild(node);
      node.parent = this;
    }
    const kids = this.ownKids();
    const at = ref ? kids.indexOf(ref) : kids.length;
    if (at < 0) throw new Error("内部错误：插入位置不在此元素下");
    kids.splice(at, 0, node);
    this.doc.changed(this);
  }

  appendChild(node: XmlChild): void {
    this.insertBefore(node, null);
  }

  removeChild(node: XmlEl): void {
    const kids = this.ownKids();
    const at = kids.indexOf(node);
    if (at < 0) throw new Error("内部错误：要移除的节点不在此元素下");
    kids.splice(at, 1);
    if (node.isSource) node.removed = true;
    else node.parent = null;
    this.doc.changed(this);
  }

  remove(): void {
    this.parent?.removeChild(this);
  }

  /** The text inside, decoded (CDATA sections' content included, comments left out). */
  text(): string {
    if (this.raw !== null) return "";
    if (this.kids) {
      let out = "";
      for (const k of this.kids) out += typeof k === "string" ? decodeContent(k) : k.text();
      return out;
    }
    const ix = this.doc.index;
    const s = ix.source;
    if (ix.close[this.id] < 0) return "";
    let out = "";
    let at = ix.open[this.id];
    for (let k = ix.first[this.id]; k >= 0; k = ix.next[k]) {
      out += decodeContent(s.slice(at, ix.start[k])) + this.doc.el(k).text();
      at = ix.end[k];
    }
    return out + decodeContent(s.slice(at, ix.close[this.id]));
  }

  /** Replace the content with `text` (escaped here). */
  setText(text: string): void {
    if (this.isSource) {
      if (this.kids === null && this.text() === text && this.children().length === 0) return;
      this.replaced = true;
    }
    for (const k of this.kids ?? []) if (typeof k !== "string") k.parent = null;
    this.kids = [escText(text)];
    this.doc.changed(this);
  }

  /** A made copy (attributes and children at any depth). */
  clone(): XmlEl {
    const el = XmlEl.make(this.doc, this.tagName, this.namespaceURI);
    for (const a of this.attributes()) el.setAttribute(a.name, a.value);
    const kids = el.kids as XmlChild[];
    const add = (k: XmlChild): void => {
      if (typeof k === "string") kids.push(k);
      else {
        const c = k.clone();
        c.parent = el;
        kids.push(c);
      }
    };
    if (this.kids) for (const k of this.kids) add(k);
    else if (this.doc.index.close[this.id] >= 0) {
      // the source's children and the text between them, as written
      const ix = this.doc.index;
      const s = ix.source;
      let at = ix.open[this.id];
      for (let k = ix.first[this.id]; k >= 0; k = ix.next[k]) {
        if (ix.start[k] > at) kids.push(s.slice(at, ix.start[k]));
        add(this.doc.el(k));
        at = ix.end[k];
      }
      if (ix.close[this.id] > at) kids.push(s.slice(at, ix.close[this.id]));
    }
    return el;
  }

  /** A made element as markup. */
  serialize(): string {
    if (this.raw !== null) return this.raw;
    if (this.isSource) throw new Error("内部错误：源元素不重写");
    let head = `<${this.tagName}`;
    for (const [n, v] of this.made!.attrs) head += ` ${n}="${escAttr(v)}"`;
    const kids = this.kids as XmlChild[];
    if (kids.length === 0) return `${head}/>`;
    let out = `${head}>`;
    for (const k of kids) out += typeof k === "string" ? k : k.serialize();
    return `${out}</${this.tagName}>`;
  }
}
