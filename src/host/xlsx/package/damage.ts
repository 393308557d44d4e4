/**
 * The package's own failures, each naming the part it is about, so that the reader can say it in
 * the accountant's words (../refusal.ts): a part that is not well-formed XML, a part or a package
 * that would inflate past the limits (zipLimits.ts).
 */

/** A part is not well-formed XML (cut short, a tag unclosed, an unknown entity). */
export class DamagedPartError extends Error {
  constructor(
    readonly part: string,
    /** The parser's words, with the line ("第 12 行"). */
    readonly detail: string
  ) {
    super(`${part}: ${detail}`);
  }
}

/** A part, or the package, would inflate past a limit: refused before or while inflating. */
export class TooLargeError extends Error {
  constructor(
    /** The part ("" for the package as a whole). */
    readonly part: string,
    /** What passed which limit, in Chinese ("解压后超过 512 MB"). */
    readonly detail: string
  ) {
    super(`${part || "package"}: ${detail}`);
  }
}
