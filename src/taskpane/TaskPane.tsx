import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons/lib/atoms/svg/arrow-undo";
import { DocumentCheckmarkRegular } from "@fluentui/react-icons/lib/atoms/svg/document-checkmark";
import { DocumentMultipleRegular } from "@fluentui/react-icons/lib/atoms/svg/document-multiple";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  DEFAULT_SETTINGS,
  type Progress,
  type ScoringGateway,
  type ScoringOptions,
  type Settings,
} from "../host/excel/gateway";
import type { RunReport } from "../host/excel/report";
import { ReportButton } from "./components/ReportButton";
import { RulesPanel, type ChosenProfile } from "./components/RulesPanel";
import { ResultView } from "./components/ResultView";
import { GatewayProvider, useGateway } from "./gateway-context";
import { ACTION_NAMES, errorText } from "./labels";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0 },
});

type Busy = "score-active" | "score-all" | "undo" | "auto" | null;

const PROGRESS_VALUE: Readonly<Record<Progress["stage"], number>> = {
  read: 0.2,
  score: 0.5,
  write: 0.8,
  done: 1,
};

export const AUTO_SCORE_UNSUPPORTED =
  "此版本的 Excel 不支持自动评分（需要 ExcelApi 1.9 的更改事件），请手动点击“评分当前表”。";

/** The task pane over a gateway: the Office.js one in Excel, a fake one in tests. */
export function TaskPane(props: { readonly gateway: ScoringGateway }) {
  return (
    <GatewayProvider gateway={props.gateway}>
      <TaskPaneBody />
    </GatewayProvider>
  );
}

function TaskPaneBody() {
  const styles = useStyles();
  const gateway = useGateway();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<RunReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [autoScoreNote, setAutoScoreNote] = useState<string | null>(null);
  const unsupported = useMemo(() => {
    try {
      const caps = gateway.capabilities();
      return caps.supported ? null : (caps.reason ?? "此版本的 Excel 不支持本加载项。");
    } catch {
      return null;
    }
  }, [gateway]);

  // The options a run uses; a ref so that the 自动评分 listener always scores with the current 规则.
  const options = useRef<ScoringOptions>({});
  options.current = {
    profile: settings.profile,
    promptTextInReasonCells: settings.promptTextInReasonCells,
  };

  useEffect(() => {
    let live = true;
    gateway.loadSettings().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setSettingsLoaded(true);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorText("读取规则", e));
        setSettingsLoaded(true);
      }
    );
    return () => {
      live = false;
    };
  }, [gateway]);

  const show = useCallback((r: RunReport) => {
    setReport(r);
    setError(r.ok ? null : (r.error ?? null));
  }, []);

  // One action at a time: an automatic re-score never overlaps a click (both write the ledger).
  const running = useRef(false);
  const run = useCallback(
    async (kind: Exclude<Busy, null>, action: () => Promise<RunReport>) => {
      if (running.current) return;
      running.current = true;
      setBusy(kind);
      setError(null);
      setProgress(null);
      try {
        show(await action());
      } catch (e) {
        setError(errorText(kind === "auto" ? ACTION_NAMES["score-sheet"] : ACTION_NAMES[kind], e));
      } finally {
        running.current = false;
        setBusy(null);
        setProgress(null);
      }
    },
    [show]
  );

  const scoreActive = () => run("score-active", () => gateway.scoreActiveSheet(options.current));
  const scoreAll = () =>
    run("score-all", () => gateway.scoreAllSheets(options.current, (p) => setProgress(p)));
  const undo = () => run("undo", () => gateway.undo());

  const changeSettings = (next: Settings) => {
    setSettings(next);
    gateway.saveSettings(next).catch((e: unknown) => setError(errorText("保存规则", e)));
  };

  const select = useCallback(
    (sheet: string, cell: string) => {
      gateway
        .selectCell(sheet, cell)
        .catch((e: unknown) => setError(errorText(`选中 ${sheet}!${cell}`, e)));
    },
    [gateway]
  );

  // 自动评分: listen while the switch is on; stop when it is turned off or the pane goes away.
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!settings.autoScore) {
      setAutoScoreNote(null);
      return undefined;
    }
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    const listener = (sheet: string) => {
      if (live) void runRef.current("auto", () => gateway.rescoreSheet(sheet, options.current));
    };
    gateway.onSheetChanged(listener).then(
      (unsubscribe) => {
        if (!unsubscribe) {
          if (live) setAutoScoreNote(AUTO_SCORE_UNSUPPORTED);
          return;
        }
        if (live) stop = unsubscribe;
        else void unsubscribe().catch(() => undefined);
      },
      (e: unknown) => {
        if (live) setError(errorText("开启自动评分", e));
      }
    );
    return () => {
      live = false;
      if (stop) void stop().catch(() => undefined);
    };
  }, [settings.autoScore, gateway]);

  const chosen = useMemo<ChosenProfile[]>(() => {
    const seen = new Map<string, ChosenProfile>();
    for (const s of report?.sheets ?? [])
      for (const f of s.forms)
        seen.set(`${f.profile}|${f.profileReason}`, {
          profile: f.profile,
          reason: f.profileReason,
        });
    return [...seen.values()];
  }, [report]);

  const disabled = busy !== null || unsupported !== null;
  return (
    <main className={styles.pane}>
      <Title2 as="h1" className={styles.title}>
        绩效自评
      </Title2>
      {unsupported && (
        <MessageBar intent="warning">
          <MessageBarBody>{unsupported}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentCheckmarkRegular />}
          disabled={disabled}
          onClick={scoreActive}
        >
          评分当前表
        </Button>
        <Button icon={<DocumentMultipleRegular />} disabled={disabled} onClick={scoreAll}>
          批量评分
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={disabled} onClick={undo}>
          撤销本次评分
        </Button>
        <ReportButton disabled={disabled} options={() => options.current} />
      </div>
      {busy === "score-all" ? (
        <Field label={progress?.message ?? "正在批量评分…"}>
          <ProgressBar
            aria-label="批量评分进度"
            value={progress ? PROGRESS_VALUE[progress.stage] : undefined}
          />
        </Field>
      ) : busy ? (
        <Spinner size="small" label={busy === "undo" ? "正在撤销…" : "正在评分…"} />
      ) : null}
      {error && (
        <MessageBar intent="error" aria-live="assertive">
          <MessageBarBody>
            <MessageBarTitle>出错了</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && !report.ok && !report.error && (
        <MessageBar intent="warning">
          <MessageBarBody>部分内容未能写入，详见下方“未写入”。</MessageBarBody>
        </MessageBar>
      )}
      <RulesPanel
        settings={settings}
        disabled={!settingsLoaded}
        chosen={chosen}
        autoScoreNote={autoScoreNote}
        onChange={changeSettings}
      />
      {report && <ResultView report={report} onSelect={select} />}
    </main>
  );
}
