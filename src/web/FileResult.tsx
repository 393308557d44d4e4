import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ResultView } from "../taskpane/components/ResultView";
import { docxUrl, reportName, scoredName } from "./files";
import type { Scorer } from "./scorer";
import type { Book } from "./useBooks";

const useStyles = makeStyles({
  book: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
  },
  heading: { margin: 0 },
});

/**
 * One workbook: its scored copy to download, its 自评报告 on request, and its forms as the task
 * pane shows them (the pane's ResultView). A cell named in the view is found in the scored copy.
 */
export function FileResult(props: { readonly book: Book; readonly scorer: () => Scorer }) {
  const styles = useStyles();
  const { book } = props;
  const [report, setReport] = useState<{
    busy: boolean;
    url: string | null;
    message: string | null;
  }>({
    busy: false,
    url: null,
    message: null,
  });
  const [where, setWhere] = useState<string | null>(null);

  const makeReport = async (): Promise<void> => {
    if (!book.scored) return;
    setReport({ busy: true, url: null, message: null });
    try {
      const { data, message } = await props.scorer().report(book.scored.id);
      setReport({ busy: false, url: data && docxUrl(data), message });
    } catch (e) {
      setReport({
        busy: false,
        url: null,
        message: `生成自评报告未能完成：${(e as Error).message}`,
      });
    }
  };

  return (
    <section className={styles.book} aria-label={book.name}>
      <Subtitle1 as="h2" className={styles.heading}>
        {book.name}
      </Subtitle1>
      {book.state === "waiting" && <Caption1>等待评分…</Caption1>}
      {book.state === "scoring" && <Spinner size="tiny" label="正在评分…" />}
      {book.error && (
        <MessageBar intent="error">
          <MessageBarBody>{book.error}</MessageBarBody>
        </MessageBar>
      )}
      {book.scored && book.url && (
        <>
          <div className={styles.actions}>
            <Link href={book.url} download={scoredName(book.name)}>
              {`下载 ${scoredName(book.name)}`}
            </Link>
            {report.url ? (
              <Link href={report.url} download={reportName(book.name)}>
                {`下载 ${reportName(book.name)}`}
              </Link>
            ) : (
              <Button size="small" disabled={report.busy} onClick={() => void makeReport()}>
                {`生成自评报告（${reportName(book.name)}）`}
              </Button>
            )}
            {report.busy && <Spinner size="tiny" label="正在生成自评报告…" />}
          </div>
          {report.message && (
            <MessageBar intent="warning">
              <MessageBarBody>{report.message}</MessageBarBody>
            </MessageBar>
          )}
          {where && (
            <Caption1 role="status">{`在 Excel 中打开 ${scoredName(book.name)}，单元格 ${where} 即是。`}</Caption1>
          )}
          <ResultView
            report={book.scored.report}
            onSelect={(sheet, cell) => setWhere(`${sheet}!${cell}`)}
          />
        </>
      )}
    </section>
  );
}
