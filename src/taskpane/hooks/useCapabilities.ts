import { useMemo } from "react";
import type { ScoringGateway } from "../../host/contract";
import { errorText } from "../labels";

/**
 * Why the add-in cannot run in this Excel, or null when it can. A capabilities() that throws is
 * reported as such (the buttons wait), never taken for "supported".
 */
export function useUnsupported(gateway: ScoringGateway): string | null {
  return useMemo(() => {
    try {
      const caps = gateway.capabilities();
      return caps.supported ? null : (caps.reason ?? "此版本的 Excel 不支持本加载项。");
    } catch (e) {
      return errorText("检查 Excel 版本", e);
    }
  }, [gateway]);
}
