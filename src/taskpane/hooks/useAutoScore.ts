import { useEffect, useRef, useState } from "react";
import type { ScoringGateway, ScoringOptions } from "../../host/contract";
import { errorText } from "../labels";
import type { Runs } from "./useRuns";

export const AUTO_SCORE_UNSUPPORTED =
  "此版本的 Excel 不支持自动评分（需要 ExcelApi 1.9 的更改事件），请手动点击“评分当前表”。";

/**
 * 自动评分: listens while the switch is on and re-scores an edited sheet through `run` (so that a
 * re-score waits for a run under way); stops when it is turned off or the pane goes away. Returns
 * the note to show when this Excel has no change events.
 */
export function useAutoScore(
  gateway: ScoringGateway,
  on: boolean,
  options: { readonly current: ScoringOptions },
  run: Runs["run"],
  onError: (message: string) => void
): string | null {
  const [note, setNote] = useState<string | null>(null);
  const runRef = useRef(run);
  runRef.current = run;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    if (!on) {
      setNote(null);
      return undefined;
    }
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    const listener = (sheet: string) => {
      if (live)
        runRef.current("auto", () => gateway.rescoreSheet(sheet, options.current), `auto:${sheet}`);
    };
    gateway.onSheetChanged(listener).then(
      (unsubscribe) => {
        if (!unsubscribe) {
          if (live) setNote(AUTO_SCORE_UNSUPPORTED);
          return;
        }
        if (live) stop = unsubscribe;
        else void unsubscribe().catch(() => undefined);
      },
      (e: unknown) => {
        if (live) onErrorRef.current(errorText("开启自动评分", e));
      }
    );
    return () => {
      live = false;
      if (stop) void stop().catch(() => undefined);
    };
  }, [on, gateway, options]);

  return note;
}
