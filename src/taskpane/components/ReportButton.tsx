import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentTextRegular } from "@fluentui/react-icons/lib/atoms/svg/document-text";
import { useEffect, useState } from "react";
import type { ScoringOptions } from "../../host/contract";
import { useGateway } from "../gateway-context";
import { errorText } from "../labels";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface Download {
  readonly url: string;
  readonly name: string;
}

/**
 * 生成自评报告 (issue 13): writes the 自评报告 sheet through the gateway, then offers the same
 * report as a .docx (a Blob link; the docx library is loaded only on the first click, so it does
 * not weigh on the task pane's bundle). Excel desktop may refuse downloads from an add-in: the
 * sheet and `selfeval report` remain.
 */
export function ReportButton(props: { readonly disabled: boolean; readonly options: () => ScoringOptions }) {
  const styles = useStyles();
  const gateway = useGateway();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<Download | null>(null);

  // a link's object URL lives until the next report (or the pane closes)
  useEffect(() => () => void (download && URL.revokeObjectURL(download.url)), [download]);

  if (!gateway.writeReport) return null;
  const write = gateway.writeReport.bind(gateway);

  const generate = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    setDownload(null);
    try {
      const run = await write(props.options());
      if (run.ok && run.sheet) setDone(`已写入工作表“${run.sheet}”（${run.forms} 张自评表）`);
      else setError(run.error);
      if (run.model && typeof URL.createObjectURL === "function") {
        const { reportDocxBlob } = await import(/* webpackChunkName: "report-docx" */ "../../report/docx");
        const blob = await reportDocxBlob(run.model);
        setDownload({ url: URL.createObjectURL(blob), name: `${run.model.title || "自评报告"}.docx` });
      }
    } catch (e) {
      setError(errorText("生成自评报告", e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.box}>
      <Button icon={<DocumentTextRegular />} disabled={props.disabled || busy} onClick={() => void generate()}>
        生成自评报告
      </Button>
      {busy && <Spinner size="small" label="正在生成自评报告…" />}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {download && (
        <>
          <Link href={download.url} download={download.name}>
            下载自评报告（Word）
          </Link>
          <Caption1>若未能下载（部分桌面版 Excel 不允许加载项下载文件），请使用工作表中的报告或命令 selfeval report。</Caption1>
        </>
      )}
    </div>
  );
}
