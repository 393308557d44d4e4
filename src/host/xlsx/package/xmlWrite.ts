import { XML_DECL } from "./constants";
import { BASE_SCOPE, XLeaf, XNode, XScope } from "./xmlNode";
import { XElement } from "./xmlDom";
import { XDocument } from "./xmlDocument";
import { parseDocument } from "./xmlParse";
import { isSpace } from "./xmlScan";

/** Writing the DOM back: untouched elements copied from the source; escaping text and SpreadsheetML strings. */
export function writeNode(node: XNode, out: string[], scope: XScope): void {
  if (node.nodeType !== 1) {
    const leaf = node as XLeaf;
    out.push(leaf.raw ?? escText(leaf.nodeValue));
    return;
  }
  const el = node as XElement;
  const src = el.origin?.source ?? null;
  if (src !== null && !el.attrsChanged && !el.contentChanged) {
    out.push(src.slice(el.start, el.end));
    return;
  }
  let here = scope;
  let head: string;
  let extra = "";
  if (src !== null && !el.attrsChanged) {
    // the start tag as written: its declarations are the scope it was read in
    head = src.slice(el.start, el.tagEnd);
    if (el.declares) {
      here = Object.create(scope) as XScope;
      for (const a of el.attrs) {
        if (a.name === "xmlns") here[""] = a.value;
        else if (a.prefix === "xmlns") here[a.localName] = a.value;
      }
    }
  } else {
    // the bindings in scope here, declaring what the element and its attributes need
    const own = (): XScope => (here === scope ? (here = Object.create(scope) as XScope) : here);
    for (const a of el.attrs) {
      if (a.name === "xmlns") own()[""] = a.value;
      else if (a.prefix === "xmlns") own()[a.localName] = a.value;
    }
    const need = (prefix: string, uri: string): void => {
      if ((here[prefix] ?? "") === uri) return;
      own()[prefix] = uri;
      extra += prefix ? ` xmlns:${prefix}="${escAttr(uri)}"` : ` xmlns="${escAttr(uri)}"`;
    };
    need(el.prefix ?? "", el.namespaceURI ?? "");
    for (const a of el.attrs)
      if (a.prefix !== null && a.prefix !== "xmlns" && a.prefix !== "xml" && a.namespaceURI)
        need(a.prefix, a.namespaceURI);
    head = `<${el.tagName}`;
    for (const a of el.attrs)
      head +=
        a.raw !== null
          ? ` ${a.name}=${a.quote}${a.raw}${a.quote}`
          : ` ${a.name}="${escAttr(a.value)}"`;
  }
  if (src !== null && !el.childrenRead) {
    // the children as written
    const close = src.lastIndexOf("</", el.end - 1);
    out.push(`${head}${extra}>`, src.slice(el.open, close), `</${el.tagName}>`);
    return;
  }
  if (!el.firstChild) {
    out.push(`${head}${extra}/>`);
    return;
  }
  out.push(`${head}${extra}>`);
  for (let k: XNode | null = el.firstChild; k; k = k.nextSibling) writeNode(k, out, here);
  out.push(`</${el.tagName}>`);
}

export function parseXml(text: string, part: string): XDocument {
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // (tested first: the regular expression would be tried at every position of a large part)
  if (isSpace(source.charCodeAt(0))) source = source.replace(/^\s+(?=<\?xml)/, "");
  return parseDocument(source, part);
}

export function serializeXml(doc: XDocument): string {
  const out: string[] = [];
  // the bytes are UTF-8 whatever the input's declaration said
  const prolog = doc.prolog.replace(
    /^<\?xml([^?]*?)encoding=(["'])[^"']*\2/,
    "<?xml$1encoding=$2UTF-8$2"
  );
  out.push(prolog.startsWith("<?xml") ? prolog : XML_DECL + prolog);
  if (doc.documentElement) writeNode(doc.documentElement, out, BASE_SCOPE);
  out.push(doc.epilog);
  return out.join("");
}

/** s has none of the characters XML escapes, and none it cannot carry (the usual case, tested fast). */
export function plainXmlText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c < 0x20 ||
      c === 38 || // &
      c === 60 || // <
      c === 62 || // >
      c === 34 || // "
      c === 95 || // _ (a "_xHHHH_" escape)
      (c >= 0xd800 && c <= 0xdfff) ||
      c >= 0xfffe
    )
      return false;
  }
  return true;
}

export function escText(s: string): string {
  if (plainXmlText(s)) return s;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

export function escAttr(s: string): string {
  if (plainXmlText(s)) return s;
  return escText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

// characters XML 1.0 cannot carry, and lone surrogates: matching control characters is the point
export const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** xstring leaves s as it is: no \r, no "_x", nothing XML cannot carry (tested fast). */
export function xstringAsIs(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c < 0x20
        ? c !== 9 && c !== 10
        : c === 95
          ? s.charCodeAt(i + 1) === 120 // "_x"
          : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)
    )
      return false;
  }
  return true;
}

/** Text for a SpreadsheetML string (ST_Xstring): "_xHHHH_" escapes for what XML cannot carry. */
export function xstring(s: string): string {
  if (xstringAsIs(s)) return s;
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      XML_INVALID,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}

/** Text for an attribute or non-string content: what XML cannot carry is dropped. */
export function plainText(s: string): string {
  if (plainXmlText(s)) return s;
  return s.replace(XML_INVALID, "");
}
