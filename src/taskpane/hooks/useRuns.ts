import { useCallback, useRef, useState } from "react";
import type { Progress, RunReport } from "../../host/contract";
import { ACTION_NAMES, errorText } from "../labels";

export type RunKind = "score-active" | "score-all" | "undo" | "clear-marks" | "auto";

interface Task {
  readonly kind: RunKind;
  readonly action: () => Promise<RunReport>;
  /** Tasks with the same key wait once: a second re-score of a sheet already waiting adds nothing. */
  readonly key?: string;
}

export interface Runs {
  /** The run under way, or null. */
  readonly busy: RunKind | null;
  readonly progress: Progress | null;
  readonly report: RunReport | null;
  readonly error: string | null;
  readonly setError: (message: string | null) => void;
  readonly setProgress: (p: Progress | null) => void;
  /** Runs `action` now, or after the runs before it: one at a time, none dropped. */
  readonly run: (kind: RunKind, action: () => Promise<RunReport>, key?: string) => void;
}

/**
 * The runs of the pane, one at a time (an automatic re-score never overlaps a click: both write
 * the ledger). A run asked for while another is under way waits its turn; the report of the last
 * one is shown, and a failure of any one is a message.
 */
export function useRuns(): Runs {
  const [busy, setBusy] = useState<RunKind | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<RunReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Task[]>([]);
  const draining = useRef(false);

  const drain = useCallback(async () => {
    if (draining.current) return;
    draining.current = true;
    try {
      for (let task = queue.current.shift(); task; task = queue.current.shift()) {
        setBusy(task.kind);
        setError(null);
        setProgress(null);
        try {
          const r = await task.action();
          setReport(r);
          setError(r.ok ? null : (r.error ?? null));
        } catch (e) {
          const name = task.kind === "auto" ? ACTION_NAMES["score-sheet"] : ACTION_NAMES[task.kind];
          setError(errorText(name, e));
        }
      }
    } finally {
      draining.current = false;
      setBusy(null);
      setProgress(null);
    }
  }, []);

  const run = useCallback(
    (kind: RunKind, action: () => Promise<RunReport>, key?: string) => {
      if (key !== undefined && queue.current.some((t) => t.key === key)) return;
      queue.current.push({ kind, action, key });
      void drain();
    },
    [drain]
  );

  return { busy, progress, report, error, setError, setProgress, run };
}
