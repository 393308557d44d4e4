import { createContext, useContext, type ReactNode } from "react";
import type { ScoringGateway } from "../host/contract";

/**
 * The one way a component reaches Excel: the gateway handed down from index.tsx (the Office.js one)
 * or from a test (a fake). Components never call Excel.run.
 */
const GatewayContext = createContext<ScoringGateway | null>(null);

export function GatewayProvider(props: {
  readonly gateway: ScoringGateway;
  readonly children: ReactNode;
}) {
  return <GatewayContext.Provider value={props.gateway}>{props.children}</GatewayContext.Provider>;
}

export function useGateway(): ScoringGateway {
  const gateway = useContext(GatewayContext);
  if (!gateway) throw new Error("useGateway outside a GatewayProvider");
  return gateway;
}
