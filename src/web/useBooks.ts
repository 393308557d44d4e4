import { useCallback, useRef, useState } from "react";
import { isXlsx, xlsxUrl } from "./files";
import type { Stage } from "./protocol";
import { Scorer, type Scored } from "./scorer";

/**
 * The page's state: every workbook given, in order, scored one after another in the Web Worker,
 * with how far the current batch is (for the progress bar).
 */
export interface Book {
  readonly key: number;
  readonly name: string;
  readonly state: "waiting" | "scoring" | "done" | "error";
  readonly scored: Scored | null;
  /** The scored copy as a Blob URL, once made. */
  readonly url: string | null;
  readonly error: string | null;
}

export interface Progress {
  /** 0–1 over the batch being scored. */
  readonly value: number;
  readonly text: string;
}

const STAGE_DONE: Readonly<Record<Stage, number>> = { read: 1 / 3, scored: 2 / 3, written: 1 };

export function useBooks(): {
  readonly books: readonly Book[];
  readonly progress: Progress | null;
  readonly add: (files: readonly File[]) => void;
  readonly scorer: () => Scorer;
} {
  const [books, setBooks] = useState<readonly Book[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const scorerRef = useRef<Scorer | null>(null);
  const queue = useRef<{ key: number; file: File }[]>([]);
  const running = useRef(false);
  const batch = useRef({ total: 0, done: 0 });
  const nextKey = useRef(1);

  const scorer = useCallback((): Scorer => (scorerRef.current ??= new Scorer()), []);
  const update = (key: number, change: Partial<Book>): void =>
    setBooks((list) => list.map((b) => (b.key === key ? { ...b, ...change } : b)));

  const run = useCallback(async (): Promise<void> => {
    if (running.current) return;
    running.current = true;
    while (queue.current.length > 0) {
      const { key, file } = queue.current.shift() as { key: number; file: File };
      const { total, done } = batch.current;
      const show = (part: number): void =>
        setProgress({
          value: (done + part) / total,
          text: `正在评分 ${done + 1}/${total}：${file.name}`,
        });
      show(0);
      update(key, { state: "scoring" });
      try {
        if (!isXlsx(file)) throw new Error(`无法读取 ${file.name}：不是 .xlsx 工作簿`);
        const scored = await scorer().score(file, (stage) => show(STAGE_DONE[stage]));
        update(key, { state: "done", scored, url: xlsxUrl(scored.data) });
      } catch (e) {
        update(key, { state: "error", error: e instanceof Error ? e.message : String(e) });
      }
      batch.current.done++;
    }
    const n = batch.current.total;
    setProgress({ value: 1, text: `已完成 ${n} 个工作簿的评分` });
    batch.current = { total: 0, done: 0 };
    running.current = false;
  }, [scorer]);

  const add = useCallback(
    (files: readonly File[]): void => {
      if (files.length === 0) return;
      const added: Book[] = files.map((file) => ({
        key: nextKey.current++,
        name: file.name,
        state: "waiting",
        scored: null,
        url: null,
        error: null,
      }));
      added.forEach((b, i) => queue.current.push({ key: b.key, file: files[i] }));
      batch.current.total += files.length;
      setBooks((list) => [...list, ...added]);
      void run();
    },
    [run]
  );

  return { books, progress, add, scorer };
}
