import { useCallback, useEffect, useState } from "react";
import { DEFAULT_SETTINGS, type ScoringGateway, type Settings } from "../../host/contract";
import { errorText } from "../labels";

/** The 规则: loaded from the workbook once, saved on every change; a failure is a message. */
export function useSettings(
  gateway: ScoringGateway,
  onError: (message: string) => void
): { settings: Settings; loaded: boolean; change: (next: Settings) => void } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    gateway.loadSettings().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setLoaded(true);
      },
      (e: unknown) => {
        if (!live) return;
        onError(errorText("读取规则", e));
        setLoaded(true);
      }
    );
    return () => {
      live = false;
    };
  }, [gateway, onError]);

  const change = useCallback(
    (next: Settings) => {
      setSettings(next);
      gateway.saveSettings(next).catch((e: unknown) => onError(errorText("保存规则", e)));
    },
    [gateway, onError]
  );

  return { settings, loaded, change };
}
