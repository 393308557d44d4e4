/**
 * The built-ins the old Edge engine lacks (issue 19), defined in a sandbox where they are removed:
 * each behaves as the native one on the calls made here, and a native one is never replaced.
 */
import * as vm from "vm";
import { installLegacyBuiltins, LEGACY_BUILTINS } from "../../src/taskpane/legacyBuiltins";

/** A fresh realm without flat, flatMap, fromEntries, matchAll and globalThis, as EdgeHTML 18. */
function edge18(): vm.Context {
  const sandbox = vm.createContext({});
  vm.runInContext(
    "delete Array.prototype.flat; delete Array.prototype.flatMap; delete Object.fromEntries;" +
      "delete String.prototype.matchAll; delete Array.prototype.findLast; delete Promise.allSettled;" +
      "delete Promise.prototype.finally; delete globalThis.WeakRef; delete globalThis.globalThis;",
    sandbox
  );
  return sandbox;
}

/** The realm's global object, as the page's window is to the module. */
const globalOf = (ctx: vm.Context): Record<string, unknown> =>
  vm.runInContext("this", ctx) as Record<string, unknown>;

test("the sandbox lacks them before, has them after, and they answer as the native ones", async () => {
  const realm = edge18();
  const run = (code: string): unknown => vm.runInContext(code, realm);
  expect(
    run(
      "[typeof [].flatMap, typeof Object.fromEntries, typeof ''.matchAll, typeof [].findLast," +
        " typeof Promise.allSettled, typeof Promise.prototype.finally, typeof WeakRef].join()"
    )
  ).toBe(Array(7).fill("undefined").join());
  installLegacyBuiltins(globalOf(realm));
  const cases = [
    "[1, [2, [3, [4]]], 5].flat()",
    "[1, [2, [3, [4]]], 5].flat(2)",
    "[1, 2, 3].flatMap((x, i) => i === 1 ? [x, [x]] : x)",
    "Object.fromEntries([['a', 1], ['b', [2]]])",
    "Object.fromEntries(new Map([['x', 'y']]))",
    "[...'a1b22c333'.matchAll(/\\d+/g)].map((m) => [m[0], m.index])",
    "[...'ab'.matchAll(/(?:)/g)].map((m) => m.index)",
    "[...'k=v;k2=v2'.matchAll(/(\\w+)=(\\w+)/g)].map((m) => m.slice(1))",
    "[[1, 'a'], [2, 'b'], [3, 'a']].findLast((p) => p[1] === 'a')",
    "[1, 2].findLast((x) => x > 5)",
    "new WeakRef({ a: 1 }).deref()",
  ];
  for (const code of cases)
    expect(JSON.stringify(run(code))).toBe(JSON.stringify(vm.runInNewContext(code)));
  expect(() => run("'abc'.matchAll(/b/)")).toThrow(TypeError);
  const settled = (code: string): Promise<string> =>
    Promise.resolve(run(code) as Promise<unknown>).then((v) => JSON.stringify(v));
  const promises = [
    "Promise.allSettled([1, Promise.reject('no'), Promise.resolve(3)])",
    "Promise.resolve(1).finally(() => 2)",
    "Promise.reject('why').finally(() => 2).catch((e) => 'caught ' + e)",
  ];
  for (const code of promises)
    await expect(settled(code)).resolves.toBe(
      await Promise.resolve(vm.runInNewContext(code) as Promise<unknown>).then((v) =>
        JSON.stringify(v)
      )
    );
  expect(run("globalThis === this")).toBe(true);
});

test("a native built-in is kept, and the list names what es-check is told to ignore", () => {
  const realm = vm.createContext({});
  const native = vm.runInContext("Array.prototype.flatMap", realm) as unknown;
  installLegacyBuiltins(globalOf(realm));
  expect(vm.runInContext("Array.prototype.flatMap", realm)).toBe(native);
  expect([...LEGACY_BUILTINS].sort()).toEqual(
    [
      "ArrayFlat",
      "ArrayFlatMap",
      "ArrayFindLast",
      "ObjectFromEntries",
      "StringMatchAll",
      "PromiseFinally",
      "PromiseAllSettled",
      "WeakRef",
      "globalThis",
    ].sort()
  );
});
