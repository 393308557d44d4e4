import { lineOf } from "./xmlScan";
import { XNode, XLeaf } from "./xmlNode";
import { XElement } from "./xmlDom";

/** The writer's XML DOM: a parsed document, its element offsets, the failure message naming part and line. */
export class XDocument {
  readonly nodeType = 9;
  documentElement: XElement | null = null;
  /** What comes before the root element (declaration, comments) and after it, as written. */
  prolog = "";
  epilog = "";
  /** The elements that are not self-closing, in document order: where each starts and ends. */
  opens = new Int32Array(0);
  closes = new Int32Array(0);
  elementCount = 0;
  /** Where the start tags that may declare namespaces (hold "xmlns") start. */
  readonly declaring = new Set<number>();

  /** Where the element (not self-closing) that starts at `start` ends. */
  endOf(start: number): number {
    const opens = this.opens;
    let lo = 0;
    let hi = this.elementCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = opens[mid];
      if (at === start) return this.closes[mid];
      if (at < start) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new Error(`内部错误：${this.part} 中没有从 ${start} 开始的元素`);
  }

  constructor(
    /** The part, for messages. */
    readonly part = "",
    readonly source = ""
  ) {}

  /** A part found not to be well-formed while reading it. */
  fail(what: string, at: number): never {
    throw new Error(`无法解析 ${this.part}：${what}（${lineOf(this.source, at)}）`);
  }

  createElementNS(ns: string | null, qname: string): XElement {
    const colon = qname.indexOf(":");
    return new XElement(
      this,
      qname,
      colon < 0 ? null : qname.slice(0, colon),
      colon < 0 ? qname : qname.slice(colon + 1),
      ns === "" ? null : ns,
      []
    );
  }

  createTextNode(text: string): XLeaf {
    return new XLeaf(this, 3, null, text);
  }

  /**
   * A copy of `node` for this document. `keepSource`: the copy may be written as the source had
   * it — only when every prefix it uses is bound to the same namespace where it goes.
   */
  importNode<T extends XNode>(node: T, deep: boolean, keepSource = false): T {
    const copy = node.cloneNode(deep);
    const adopt = (n: XNode): void => {
      n.ownerDocument = this;
      if (n.nodeType === 1) {
        const el = n as unknown as XElement;
        // (children still to be read take the document of the element they are read into)
        if (!keepSource || el.childrenRead)
          for (let k = el.firstChild; k; k = k.nextSibling) adopt(k);
        if (!keepSource) {
          void el.attrs; // read before the source goes
          el.origin = null;
          el.attrsChanged = true;
        }
      }
    };
    adopt(copy);
    return copy as T;
  }

  getElementsByTagNameNS(ns: string, local: string): XElement[] {
    const root = this.documentElement;
    if (!root) return [];
    const below = root.getElementsByTagNameNS(ns, local);
    return root.localName === local && root.namespaceURI === ns ? [root, ...below] : below;
  }
}

// ── decoding, parsing ──
