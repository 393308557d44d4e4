/**
 * What WPS said when it refused a call, as a Chinese sentence for the report; a mistake in the
 * add-in's own code (a TypeError, a member WPS does not have) is not WPS's refusal and is rethrown.
 */
export function describeWpsError(e: unknown): string {
  if (e instanceof TypeError || e instanceof ReferenceError) throw e;
  if (e instanceof Error && e.name === "StrictMemberError") throw e;
  const message = e instanceof Error ? e.message : String(e);
  return message || "WPS 拒绝了此操作";
}
