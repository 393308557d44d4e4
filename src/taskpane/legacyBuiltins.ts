/**
 * The few built-ins newer than ES2017 that the pane and its libraries call, for the old Edge
 * engine (EdgeHTML 18, Excel 2016/2019 retail) which lacks them (issue 19): swc compiles syntax to
 * ES2017 but adds no built-ins. Each is defined only where missing, as the standard says it
 * behaves for the calls made here. `es-check es2017 --checkFeatures` on dist/ ignores exactly the
 * features listed in LEGACY_BUILTINS (test/build/oldWebviews.test.ts) and fails on any other.
 * Imported first by src/taskpane/index.tsx, before any module that may call one.
 */

/** es-check's names of the features this module provides. */
export const LEGACY_BUILTINS = [
  "ArrayFlat",
  "ArrayFlatMap",
  "ArrayFindLast",
  "ObjectFromEntries",
  "StringMatchAll",
  "PromiseFinally",
  "PromiseAllSettled",
  "WeakRef",
  "globalThis",
] as const;

type Loose = Record<string, unknown>;

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

function flatten(items: readonly unknown[], depth: number, out: unknown[]): unknown[] {
  for (const item of items) {
    if (Array.isArray(item) && depth > 0) flatten(item, depth - 1, out);
    else out.push(item);
  }
  return out;
}

function* matchAll(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags);
  re.lastIndex = pattern.lastIndex;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0] === "") re.lastIndex++;
  }
}

/** Defines each missing built-in on `scope` (the page's window; a test's sandbox). */
export function installLegacyBuiltins(scope: Loose): void {
  const arrayProto = (scope.Array as ArrayConstructor).prototype;
  define(arrayProto, "flat", function flat(this: unknown[], depth = 1) {
    return flatten(this, Number(depth), []);
  });
  define(
    arrayProto,
    "flatMap",
    function flatMap(
      this: unknown[],
      fn: (v: unknown, i: number, a: unknown[]) => unknown,
      that?: unknown
    ) {
      return flatten(this.map(fn, that), 1, []);
    }
  );
  define(
    scope.Object as object,
    "fromEntries",
    function fromEntries(entries: Iterable<[PropertyKey, unknown]>) {
      const out: Record<PropertyKey, unknown> = {};
      for (const [key, value] of entries) out[key] = value;
      return out;
    }
  );
  define(
    (scope.String as StringConstructor).prototype,
    "matchAll",
    function (this: string, pattern: RegExp) {
      if (Object.prototype.toString.call(pattern) !== "[object RegExp]" || !pattern.global)
        throw new TypeError("String.prototype.matchAll called with a non-global RegExp argument");
      return matchAll(String(this), pattern);
    }
  );
  define(
    arrayProto,
    "findLast",
    function findLast(
      this: unknown[],
      fn: (v: unknown, i: number, a: unknown[]) => unknown,
      that?: unknown
    ) {
      for (let i = this.length - 1; i >= 0; i--)
        if (fn.call(that, this[i], i, this)) return this[i];
      return undefined;
    }
  );
  const promise = scope.Promise as PromiseConstructor;
  define(promise.prototype, "finally", function (this: Promise<unknown>, fn: () => unknown) {
    return this.then(
      (value) => promise.resolve(fn()).then(() => value),
      (reason) =>
        promise.resolve(fn()).then(() => {
          throw reason;
        })
    );
  });
  define(promise, "allSettled", function allSettled(items: Iterable<unknown>) {
    return promise.all(
      Array.from(items, (item) =>
        promise.resolve(item).then(
          (value) => ({ status: "fulfilled", value }),
          (reason: unknown) => ({ status: "rejected", reason })
        )
      )
    );
  });
  // Fluent UI's focus code (tabster, keyborg) holds elements by WeakRef; without one, a plain
  // reference: the element is kept while the pane lives, which a task pane can afford.
  define(
    scope,
    "WeakRef",
    class WeakRef<T> {
      constructor(private readonly target: T) {}
      deref(): T {
        return this.target;
      }
    }
  );
  define(scope, "globalThis", scope);
}

if (typeof window !== "undefined") installLegacyBuiltins(window as unknown as Loose);
