/**
 * What makes the fake of WPS strict and countable: every object it hands out is a Proxy that
 * answers only the members listed for its kind (members.ts, checked against wps-jsapi), throws on
 * any other name (WPS would silently return `undefined` or drop the write), and counts each
 * member read, write or call as one call into WPS (every one crosses from the page into WPS).
 */

export class CallCounter {
  calls = 0;
  readonly byMember = new Map<string, number>();

  count(kind: string, member: string): void {
    this.calls++;
    const key = `${kind}.${member}`;
    this.byMember.set(key, (this.byMember.get(key) ?? 0) + 1);
  }
}

/** An error the fake raises where WPS would raise one (a protected sheet, a merged cell, a bad index). */
export class FakeWpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FakeWpsError";
  }
}

/** A member WPS does not have, or one the fake does not model: a bug in the caller, never caught as WPS's. */
export class StrictMemberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StrictMemberError";
  }
}

/** Read on a face, gives the plain object behind it (the fake's own code works on that, uncounted). */
export const TARGET = Symbol("fake-wps target");

const PASS_THROUGH = new Set<PropertyKey>(["then", "toJSON", "constructor", "$$typeof"]);

/** The strict, counted face of `target`: only `members` of kind `kind`. */
export function strict<T extends object>(
  kind: string,
  members: readonly string[],
  target: T,
  counter: CallCounter
): T {
  const allowed = new Set<PropertyKey>(members);
  return new Proxy(target, {
    get(t, prop) {
      if (prop === TARGET) return t;
      if (typeof prop === "symbol" || PASS_THROUGH.has(prop)) {
        // awaiting or printing a WPS object: not a member access
        return prop === "then" ? undefined : Reflect.get(t, prop, t);
      }
      if (!allowed.has(prop))
        throw new StrictMemberError(
          `WPS 的 ${kind} 没有成员 ${prop}（WPS 会静默忽略，伪对象报错）`
        );
      if (!(prop in t)) throw new StrictMemberError(`伪 WPS 未模拟 ${kind}.${prop}`);
      counter.count(kind, prop);
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
    set(t, prop, value) {
      if (typeof prop === "symbol" || !allowed.has(prop))
        throw new StrictMemberError(
          `WPS 的 ${kind} 没有成员 ${String(prop)}（写入会被 WPS 静默忽略）`
        );
      const desc = findDescriptor(t, prop);
      if (!desc?.set && !desc?.writable)
        throw new StrictMemberError(`${kind}.${prop} 是只读的，或伪 WPS 未模拟写入`);
      counter.count(kind, prop);
      return Reflect.set(t, prop, value, t);
    },
    has(t, prop) {
      return allowed.has(prop) && prop in t;
    },
  });
}

function findDescriptor(o: object, prop: string): PropertyDescriptor | undefined {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return d;
  }
  return undefined;
}
