import {
  attributeIn,
  attributesEnd,
  endsName,
  readAttributes,
  resolveAttributes,
  scanStartTag,
  startTagEnd,
} from "./xmlScan";
import { XML_NS, XMLNS_NS, XScope, BASE_SCOPE, XAttr, XNode, XLeaf, StartTag } from "./xmlNode";
import { XDocument } from "./xmlDocument";

/**
 * The writer's small lazy XML DOM: an element. A part is parsed once (xmlParse.ts, on
 * htmlparser2's tokenizer) to check it is well-formed and note where each element starts and ends;
 * an element's attributes and children are then read from the source only when something asks for
 * them, so a sheet whose edits touch a few rows becomes a few dozen objects, not tens of thousands.
 * Writing back (xmlWrite.ts), an element that nothing changed (its attributes, and its children at
 * any depth) is copied from the source as it was; only the elements on the way to a change are
 * written anew, so what is not edited keeps its bytes.
 */

export class XElement extends XNode {
  readonly nodeType = 1;
  private first: XNode | null = null;
  private last: XNode | null = null;
  /** The attributes, read from the source when first asked for. */
  private attrList: XAttr[] | null;
  /** The document the element was parsed from; null for one made here (or imported to be rewritten). */
  origin: XDocument | null = null;
  /** In origin's source: the element's "<", the end of its name and attributes, just after its start tag, just after its end tag. */
  start = 0;
  tagEnd = 0;
  open = 0;
  end = 0;
  /** The start tag declares namespaces. */
  declares = false;
  /** The children are still to be read from `src`. */
  private unread = false;
  /** The attributes differ from the source's. */
  attrsChanged = false;
  /** Something inside (a child, at any depth) differs from the source. */
  contentChanged = false;

  constructor(
    doc: XDocument,
    readonly tagName: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
    attrs: XAttr[] | null,
    /** The namespace bindings in scope inside the element (parsed elements). */
    readonly scope: XScope = BASE_SCOPE
  ) {
    super(doc);
    this.attrList = attrs;
  }

  /** An element parsed from `origin` at `start`: attributes and children are read when asked for. */
  static parsed(
    origin: XDocument,
    start: number,
    tag: StartTag,
    end: number,
    parentScope: XScope
  ): XElement {
    const s = origin.source;
    let j = start + 1;
    while (!endsName(s.charCodeAt(j))) j++;
    const tagName = s.slice(start + 1, j);
    const colon = tagName.indexOf(":");
    const prefix = colon < 0 ? null : tagName.slice(0, colon);
    let scope = parentScope;
    let attrs: XAttr[] | null = null;
    if (tag.declares) {
      attrs = readAttributes(s, j, tag.tagEnd);
      scope = Object.create(parentScope) as XScope;
      for (const a of attrs) {
        if (a.name === "xmlns") scope[""] = a.value;
        else if (a.prefix === "xmlns") scope[a.localName] = a.value;
      }
      resolveAttributes(attrs, scope, origin, start);
    }
    const ns = scope[prefix ?? ""];
    if (prefix !== null && !ns) origin.fail(`前缀 ${prefix} 未绑定命名空间`, start);
    const el = new XElement(
      origin,
      tagName,
      prefix,
      colon < 0 ? tagName : tagName.slice(colon + 1),
      ns || null,
      attrs,
      scope
    );
    el.origin = origin;
    el.start = start;
    el.tagEnd = tag.tagEnd;
    el.open = tag.open;
    el.end = end;
    el.declares = tag.declares;
    el.unread = end > tag.open;
    return el;
  }

  get firstChild(): XNode | null {
    if (this.unread) this.read();
    return this.first;
  }

  get lastChild(): XNode | null {
    if (this.unread) this.read();
    return this.last;
  }

  /** The children are read (else they are the source's, from open to end). */
  get childrenRead(): boolean {
    return !this.unread;
  }

  get attrs(): XAttr[] {
    if (!this.attrList) {
      const origin = this.origin as XDocument;
      const list = readAttributes(origin.source, this.start + 1 + this.tagName.length, this.tagEnd);
      resolveAttributes(list, this.scope, origin, this.start);
      this.attrList = list;
    }
    return this.attrList;
  }

  get attributes(): readonly XAttr[] {
    return this.attrs;
  }

  get textContent(): string {
    let out = "";
    for (let n = this.firstChild; n; n = n.nextSibling) out += n.textContent;
    return out;
  }

  /** Read the children from the source, one level. */
  private read(): void {
    this.unread = false;
    const origin = this.origin as XDocument;
    const doc = this.ownerDocument;
    const s = origin.source;
    const close = s.lastIndexOf("</", this.end - 1);
    let i = this.open;
    while (i < close) {
      const lt = s.indexOf("<", i);
      if (lt > i) this.adopt(new XLeaf(doc, 3, s.slice(i, lt), null));
      if (lt >= close) break;
      const c = s.charCodeAt(lt + 1);
      let end: number;
      if (c === 33) {
        end = s.startsWith("<!--", lt)
          ? s.indexOf("-->", lt + 4) + 3
          : s.indexOf("]]>", lt + 9) + 3;
        this.adopt(new XLeaf(doc, s.charCodeAt(lt + 2) === 45 ? 8 : 4, s.slice(lt, end), null));
      } else if (c === 63) {
        end = s.indexOf("?>", lt + 2) + 2;
        this.adopt(new XLeaf(doc, 7, s.slice(lt, end), null));
      } else {
        const tag = scanStartTag(s, lt, origin);
        end = tag.selfClosing ? tag.open : origin.endOf(lt);
        const child = XElement.parsed(origin, lt, tag, end, this.scope);
        child.ownerDocument = doc;
        this.adopt(child);
      }
      i = end;
    }
  }

  /**
   * Visit the child elements as written — the text, where each starts, where its name and its
   * attributes end — without reading them into objects. False (and nothing visited) when the
   * children are read already: walk them instead.
   */
  scanChildren(
    visit: (text: string, start: number, nameEnd: number, tagEnd: number) => void
  ): boolean {
    if (!this.unread) return false;
    const origin = this.origin as XDocument;
    const s = origin.source;
    const close = s.lastIndexOf("</", this.end - 1);
    let i = this.open;
    while (i < close) {
      const lt = s.indexOf("<", i);
      if (lt < 0 || lt >= close) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 33) {
        i = s.startsWith("<!--", lt) ? s.indexOf("-->", lt + 4) + 3 : s.indexOf("]]>", lt + 9) + 3;
        continue;
      }
      if (c === 63) {
        i = s.indexOf("?>", lt + 2) + 2;
        continue;
      }
      let nameEnd = lt + 1;
      while (!endsName(s.charCodeAt(nameEnd))) nameEnd++;
      const open = startTagEnd(s, lt);
      if (open < 0) {
        const tag = scanStartTag(s, lt, origin);
        visit(s, lt, nameEnd, tag.tagEnd);
        i = tag.selfClosing ? tag.open : origin.endOf(lt);
        continue;
      }
      visit(s, lt, nameEnd, attributesEnd(s, open));
      i = s.charCodeAt(open - 2) === 47 ? open : origin.endOf(lt);
    }
    return true;
  }

  /** Append a child while reading (nothing changes). */
  private adopt(node: XNode): void {
    node.parentNode = this;
    node.previousSibling = this.last;
    if (this.last) this.last.nextSibling = node;
    else this.first = node;
    this.last = node;
  }

  /** Mark the element as written anew, and every ancestor as changed inside. */
  private changed(attrs: boolean): void {
    if (attrs) this.attrsChanged = true;
    else this.contentChanged = true;
    for (let p = this.parentNode; p && !p.contentChanged; p = p.parentNode) p.contentChanged = true;
  }

  getAttribute(name: string): string | null {
    if (!this.attrList && this.origin) {
      // without reading every attribute into objects
      const from = this.start + 1 + this.tagName.length;
      return attributeIn(this.origin.source, from, this.tagEnd, name);
    }
    for (const a of this.attrs) if (a.name === name) return a.value;
    return null;
  }

  getAttributeNS(ns: string | null, local: string): string | null {
    for (const a of this.attrs)
      if (a.localName === local && (a.namespaceURI ?? null) === (ns ?? null)) return a.value;
    return null;
  }

  setAttribute(name: string, value: string): void {
    const attrs = this.attrs;
    for (const a of attrs) {
      if (a.name === name) {
        if (a.value === value && a.raw !== null) return;
        a.value = value;
        a.raw = null;
        this.changed(true);
        return;
      }
    }
    // like the DOM's setAttribute: the name as given, in no namespace
    attrs.push(new XAttr(name, null, name, null, value, null, '"'));
    this.changed(true);
  }

  setAttributeNS(ns: string | null, qname: string, value: string): void {
    const attrs = this.attrs;
    const colon = qname.indexOf(":");
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    for (const a of attrs) {
      if (a.localName === local && (a.namespaceURI ?? null) === (ns ?? null)) {
        if (a.value === value && a.raw !== null) return;
        a.value = value;
        a.raw = null;
        this.changed(true);
        return;
      }
    }
    const prefix = colon < 0 ? null : qname.slice(0, colon);
    attrs.push(new XAttr(qname, prefix, local, ns, value, null, '"'));
    this.changed(true);
  }

  removeAttribute(name: string): void {
    const attrs = this.attrs;
    const i = attrs.findIndex((a) => a.name === name);
    if (i < 0) return;
    attrs.splice(i, 1);
    this.changed(true);
  }

  /** The prefix bound to `ns` here (not the default namespace), or null. */
  lookupPrefix(ns: string): string | null {
    const shadowed = new Set<string>();
    for (let el: XElement | null = this; el; el = el.parentNode) {
      for (const a of el.attrs) {
        if (a.prefix !== "xmlns") continue;
        if (a.value === ns && !shadowed.has(a.localName)) return a.localName;
        shadowed.add(a.localName);
      }
    }
    return null;
  }

  /** The namespace bound to `prefix` here (null: the default namespace), or null. */
  lookupNamespaceURI(prefix: string | null): string | null {
    if (prefix === "xml") return XML_NS;
    if (prefix === "xmlns") return XMLNS_NS;
    for (let el: XElement | null = this; el; el = el.parentNode) {
      for (const a of el.attrs) {
        const bound =
          prefix === null || prefix === ""
            ? a.name === "xmlns"
            : a.prefix === "xmlns" && a.localName === prefix;
        if (bound) return a.value === "" ? null : a.value;
      }
    }
    return null;
  }

  appendChild<T extends XNode>(node: T): T {
    return this.insertBefore(node, null);
  }

  insertBefore<T extends XNode>(node: T, ref: XNode | null): T {
    if (this.unread) this.read();
    if (ref && ref.parentNode !== this) throw new Error("内部错误：插入位置不在此元素下");
    if (node.parentNode) node.parentNode.removeChild(node);
    node.parentNode = this;
    node.nextSibling = ref;
    node.previousSibling = ref ? ref.previousSibling : this.last;
    if (node.previousSibling) node.previousSibling.nextSibling = node;
    else this.first = node;
    if (ref) ref.previousSibling = node;
    else this.last = node;
    this.changed(false);
    return node;
  }

  removeChild<T extends XNode>(node: T): T {
    if (node.parentNode !== this) throw new Error("内部错误：要移除的节点不在此元素下");
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.first = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.last = node.previousSibling;
    node.parentNode = null;
    node.nextSibling = null;
    node.previousSibling = null;
    this.changed(false);
    return node;
  }

  /** Descendants (not the element itself) named `local` in namespace `ns`, in document order. */
  getElementsByTagNameNS(ns: string, local: string): XElement[] {
    const out: XElement[] = [];
    const walk = (el: XElement): void => {
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== 1) continue;
        const e = n as XElement;
        if (e.localName === local && e.namespaceURI === ns) out.push(e);
        walk(e);
      }
    };
    walk(this);
    return out;
  }

  cloneNode(deep = false): XElement {
    const attrs =
      this.attrList?.map(
        (a) => new XAttr(a.name, a.prefix, a.localName, a.namespaceURI, a.value, a.raw, a.quote)
      ) ?? null;
    const el = new XElement(
      this.ownerDocument,
      this.tagName,
      this.prefix,
      this.localName,
      this.namespaceURI,
      attrs,
      this.scope
    );
    el.origin = this.origin;
    el.start = this.start;
    el.tagEnd = this.tagEnd;
    el.open = this.open;
    el.end = this.end;
    el.declares = this.declares;
    el.attrsChanged = this.attrsChanged;
    if (deep && this.unread) {
      // the copy reads the same children from the same source
      el.unread = true;
      el.contentChanged = this.contentChanged;
      return el;
    }
    el.contentChanged = this.contentChanged || (!deep && this.firstChild !== null);
    if (deep) for (let n = this.first; n; n = n.nextSibling) el.adopt(n.cloneNode(true));
    return el;
  }
}
