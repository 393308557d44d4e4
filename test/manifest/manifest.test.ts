/**
 * The offline checks of manifest.xml: what `office-addin-manifest validate` would tell us, had it
 * not to post the manifest to Microsoft's web service (docs: toolchain.md). No XSD ships in any
 * package, so the schema rules the store applies are checked here one by one: well-formed XML,
 * the order of the top-level elements, a GUID id, the version format, every resid resolving to a
 * resource of the right kind and every resource used, https only, the store's string lengths,
 * Workbook as the only host, ReadWriteDocument, ExcelApi 1.4 (the gateway's minimum), the zh-CN
 * overrides, the ribbon button on the Home tab, and icon files of the sizes the manifest says.
 * Then the two offline tools: `office-addin-manifest info` and, where installed, `xmllint`.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const TEXT = fs.readFileSync(MANIFEST, "utf8");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** The store's limits (characters). */
const LIMITS = { displayName: 125, description: 250, shortString: 125, longString: 250, resid: 32 };

/** Where the dev server serves the add-in; webpack rewrites it to ADDIN_BASE_URL for a deployment. */
const DEV_ORIGIN = "https://localhost:3000/";

function parse(text: string): { doc: Document | null; problems: string[] } {
  const problems: string[] = [];
  let doc: Document | null = null;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        problems.push(`${level}: ${msg}`);
      },
    }).parseFromString(text, "text/xml");
  } catch (e) {
    problems.push(String(e));
  }
  return { doc, problems };
}

const { doc: parsed, problems: parseProblems } = parse(TEXT);
const doc = parsed as Document;
const root = doc?.documentElement as Element;

function children(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (!local || (n as Element).localName === local)) out.push(n as Element);
  return out;
}

function child(el: Element, local: string): Element {
  const c = children(el, local);
  if (c.length !== 1) throw new Error(`<${el.localName}> has ${c.length} <${local}>, not one`);
  return c[0];
}

function all(el: Element | Document): Element[] {
  return Array.from(el.getElementsByTagName("*"));
}

function text(el: Element): string {
  return (el.textContent ?? "").trim();
}

const overrides = root ? child(root, "VersionOverrides") : (null as unknown as Element);
const resources = overrides ? child(overrides, "Resources") : (null as unknown as Element);

/** Resources by id, with their kind (Images, Urls, ShortStrings, LongStrings). */
function resourceTable(): Map<string, { kind: string; el: Element }> {
  const table = new Map<string, { kind: string; el: Element }>();
  for (const group of children(resources))
    for (const r of children(group)) {
      const id = r.getAttribute("id") ?? "";
      if (table.has(id)) throw new Error(`resource id ${id} is defined twice`);
      table.set(id, { kind: group.localName ?? "", el: r });
    }
  return table;
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (b.toString("latin1", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The file in the project that the dev server serves at a manifest URL. */
function servedFile(url: string): string {
  expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  return path.join(ROOT, url.slice(DEV_ORIGIN.length));
}

// ---------------------------------------------------------------------------------------------

describe("manifest.xml as the store would read it", () => {
  test("is well-formed XML, an OfficeApp TaskPaneApp in the 1.1 namespace", () => {
    expect(parseProblems).toEqual([]);
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.getAttributeNS(NS.xsi, "type")).toBe("TaskPaneApp");
    expect(overrides.namespaceURI).toBe(NS.ov);
    expect(overrides.getAttributeNS(NS.xsi, "type")).toBe("VersionOverridesV1_0");
    // the check itself catches a broken manifest
    expect(parse(TEXT.replace("</Hosts>", "")).problems.length).toBeGreaterThan(0);
  });

  test("has the required top-level elements, in the schema's order", () => {
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const names = children(root).map((c) => c.localName as string);
    for (const n of names) expect(order).toContain(n);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ])
      expect(names).toContain(required);
    expect(text(child(root, "ProviderName")).length).toBeGreaterThan(0);
  });

  test("Id is a GUID and Version is n.n.n.n", () => {
    expect(text(child(root, "Id"))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    const version = text(child(root, "Version"));
    expect(version).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    for (const part of version.split(".")) expect(Number(part)).toBeLessThanOrEqual(65535);
  });

  test("runs in Excel only (Workbook), reads and writes the document, needs ExcelApi 1.4 as the gateway does", () => {
    const hosts = children(child(root, "Hosts"), "Host").map((h) => h.getAttribute("Name"));
    expect(hosts).toEqual(["Workbook"]);
    const ovHosts = children(child(overrides, "Hosts"), "Host").map((h) =>
      h.getAttributeNS(NS.xsi, "type")
    );
    expect(ovHosts).toEqual(["Workbook"]);
    expect(text(child(root, "Permissions"))).toBe("ReadWriteDocument");
    const sets = children(child(child(root, "Requirements"), "Sets"), "Set").map((s) => [
      s.getAttribute("Name"),
      s.getAttribute("MinVersion"),
    ]);
    expect(sets).toEqual([["ExcelApi", "1.4"]]);
    const capabilities = fs.readFileSync(path.join(ROOT, "src/host/excel/capabilities.ts"), "utf8");
    expect(capabilities).toMatch(/const REQUIRED_API = "1\.4";/);
  });

  test("every resid resolves to a resource of the right kind, and every resource is used", () => {
    const table = resourceTable();
    const kindOf = (el: Element): string => {
      const name = el.localName;
      if (name === "Image") return "Images";
      if (name === "SourceLocation" || name === "FunctionFile" || name === "LearnMoreUrl")
        return "Urls";
      if (name === "Description") return "LongStrings";
      if (name === "Label" || name === "Title") return "ShortStrings";
      throw new Error(`unexpected resid on <${name}>`);
    };
    const used = new Set<string>();
    const refs = all(overrides).filter((e) => e.hasAttribute("resid"));
    expect(refs.length).toBeGreaterThan(0);
    for (const el of refs) {
      const id = el.getAttribute("resid") as string;
      const res = table.get(id);
      expect({ resid: id, found: !!res }).toEqual({ resid: id, found: true });
      expect({ resid: id, kind: res?.kind }).toEqual({ resid: id, kind: kindOf(el) });
      used.add(id);
    }
    expect([...table.keys()].filter((id) => !used.has(id))).toEqual([]);
    for (const id of table.keys()) expect(id.length).toBeLessThanOrEqual(LIMITS.resid);
  });

  test("every URL is https", () => {
    const urls: string[] = [];
    for (const el of [root, ...all(doc)]) {
      for (const attr of Array.from(el.attributes ?? [])) {
        if (attr.name === "xmlns" || attr.name.startsWith("xmlns:")) continue; // namespace names, not URLs
        if (/^[a-z][a-z0-9+.-]*:/i.test(attr.value) && /\/\//.test(attr.value))
          urls.push(attr.value);
      }
      if (children(el).length === 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(text(el)))
        urls.push(text(el));
    }
    // the elements that hold URLs: each must hold one
    const urlHolders = [
      child(root, "IconUrl"),
      child(root, "HighResolutionIconUrl"),
      child(root, "SupportUrl"),
      child(child(root, "DefaultSettings"), "SourceLocation"),
      ...children(child(resources, "Images")),
      ...children(child(resources, "Urls")),
    ];
    for (const el of urlHolders) {
      const values = [el, ...children(el, "Override")].map((e) =>
        e.getAttribute(e.localName === "Override" ? "Value" : "DefaultValue")
      );
      for (const v of values) expect(urls).toContain(v);
    }
    const appDomains = root ? children(root, "AppDomains") : [];
    for (const d of appDomains.flatMap((a) => children(a, "AppDomain"))) urls.push(text(d));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(u).toMatch(/^https:\/\/[^\s/]+/);
      expect(() => new URL(u)).not.toThrow();
    }
  });

  test("strings are within the store's lengths", () => {
    const lengths = (el: Element, attr = "DefaultValue"): number[] =>
      [el.getAttribute(attr), ...children(el, "Override").map((o) => o.getAttribute("Value"))].map(
        (s) => [...(s ?? "")].length
      );
    const checks: [string, Element, number][] = [
      ["DisplayName", child(root, "DisplayName"), LIMITS.displayName],
      ["Description", child(root, "Description"), LIMITS.description],
      ...children(child(resources, "ShortStrings")).map((s): [string, Element, number] => [
        s.getAttribute("id") ?? "",
        s,
        LIMITS.shortString,
      ]),
      ...children(child(resources, "LongStrings")).map((s): [string, Element, number] => [
        s.getAttribute("id") ?? "",
        s,
        LIMITS.longString,
      ]),
    ];
    for (const [name, el, max] of checks)
      for (const n of lengths(el)) {
        expect({ name, tooLong: n > max }).toEqual({ name, tooLong: false });
        expect({ name, empty: n === 0 }).toEqual({ name, empty: false });
      }
  });

  test("en-US by default, with zh-CN overrides of the name, the description and every string", () => {
    expect(text(child(root, "DefaultLocale"))).toBe("en-US");
    const zh = (el: Element): string | null =>
      children(el, "Override")
        .find((o) => o.getAttribute("Locale") === "zh-CN")
        ?.getAttribute("Value") ?? null;
    expect(zh(child(root, "DisplayName"))).toBe("绩效自评");
    expect(zh(child(root, "Description"))).toMatch(/绩效自评表/);
    for (const group of ["ShortStrings", "LongStrings"])
      for (const s of children(child(resources, group)))
        expect({ id: s.getAttribute("id"), zh: zh(s) !== null }).toEqual({
          id: s.getAttribute("id"),
          zh: true,
        });
    for (const o of all(doc).filter((e) => e.localName === "Override"))
      expect(o.getAttribute("Locale")).toBe("zh-CN");
  });

  test("a button 绩效自评 on the Home tab opens the task pane", () => {
    const table = resourceTable();
    const zhOf = (resid: string | null): string | null => {
      const el = table.get(resid ?? "")?.el as Element;
      return (
        children(el, "Override")
          .find((o) => o.getAttribute("Locale") === "zh-CN")
          ?.getAttribute("Value") ?? null
      );
    };
    const host = child(child(overrides, "Hosts"), "Host");
    const desktop = child(host, "DesktopFormFactor");
    const point = child(desktop, "ExtensionPoint");
    expect(point.getAttributeNS(NS.xsi, "type")).toBe("PrimaryCommandSurface");
    const tab = child(point, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const buttons = children(child(tab, "Group"), "Control");
    expect(buttons).toHaveLength(1);
    const button = buttons[0];
    expect(button.getAttributeNS(NS.xsi, "type")).toBe("Button");
    expect(zhOf(child(button, "Label").getAttribute("resid"))).toBe("绩效自评");
    const action = child(button, "Action");
    expect(action.getAttributeNS(NS.xsi, "type")).toBe("ShowTaskpane");
    expect(text(child(action, "TaskpaneId")).length).toBeGreaterThan(0);
    const pane = table.get(child(action, "SourceLocation").getAttribute("resid") ?? "")?.el;
    expect(pane?.getAttribute("DefaultValue")).toBe(
      child(child(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")
    );
    // ids of controls, groups and the task pane are unique
    const ids = all(overrides)
      .filter((e) => ["Group", "Control"].includes(e.localName ?? ""))
      .map((e) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the pages the manifest names are built by webpack", () => {
    const webpack = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    const table = resourceTable();
    const pages = [
      child(child(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue"),
      child(root, "SupportUrl").getAttribute("DefaultValue"),
      ...[...table.values()]
        .filter((r) => r.kind === "Urls")
        .map((r) => r.el.getAttribute("DefaultValue")),
    ].filter((u): u is string => !!u && u.startsWith(DEV_ORIGIN));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const u of pages) expect(webpack).toContain(`filename: "${u.slice(DEV_ORIGIN.length)}"`);
  });

  test("the icons exist in assets/ as PNGs of the sizes the manifest says (16, 32, 64, 80)", () => {
    const table = resourceTable();
    const want = new Map<string, number>(); // file -> size
    const add = (url: string | null, size: number): void => {
      const file = servedFile(url ?? "");
      const before = want.get(file);
      if (before !== undefined) expect({ file, size }).toEqual({ file, size: before });
      want.set(file, size);
    };
    add(child(root, "IconUrl").getAttribute("DefaultValue"), 32);
    add(child(root, "HighResolutionIconUrl").getAttribute("DefaultValue"), 64);
    const sizes = new Set<number>();
    for (const img of all(overrides).filter(
      (e) => e.localName === "Image" && e.hasAttribute("resid")
    )) {
      const size = Number(img.getAttribute("size"));
      sizes.add(size);
      add(
        table.get(img.getAttribute("resid") ?? "")?.el.getAttribute("DefaultValue") ?? null,
        size
      );
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const [file, size] of want) {
      expect(fs.existsSync(file)).toBe(true);
      expect({ file: path.relative(ROOT, file), ...pngSize(file) }).toEqual({
        file: path.relative(ROOT, file),
        width: size,
        height: size,
      });
    }
  });
});

describe("the offline tools accept it", () => {
  test("npx office-addin-manifest info manifest.xml parses it (offline) and exits 0", () => {
    const r = spawnSync("npx", ["--no-install", "office-addin-manifest", "info", "manifest.xml"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect({ status: r.status, stderr: r.status === 0 ? "" : r.stderr }).toEqual({
      status: 0,
      stderr: "",
    });
    expect(r.stdout).toContain(text(child(root, "Id")));
    expect(r.stdout).toMatch(/Hosts: Workbook/);
    expect(r.stdout).toMatch(/Permissions: ReadWriteDocument/);
  });

  // xmllint comes with Debian's libxml2-utils, which this test does not install (.ci/run's business):
  // where `which xmllint` fails, the xmllint half is skipped and the parse above is the only XML check.
  const hasXmllint = spawnSync("which", ["xmllint"]).status === 0;
  (hasXmllint ? test : test.skip)("xmllint --noout manifest.xml finds it well-formed", () => {
    const r = spawnSync("xmllint", ["--noout", "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
  });
});
