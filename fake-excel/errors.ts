/**
 * Errors shaped like OfficeExtension.Error: `name` "RichApi.Error", a `code` from
 * OfficeExtension.ErrorCodes / Excel.ErrorCodes, and `debugInfo` with the code, the message and
 * where it happened.
 */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const OFFICE_ERROR_CODES = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export const EXCEL_ERROR_CODES = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
} as const;

export function propertyNotLoaded(location: string): FakeOfficeError {
  const prop = location.split(".").pop();
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location
  );
}

export function accessDenied(sheet: string, location: string): FakeOfficeError {
  return new FakeOfficeError(
    "AccessDenied",
    `The cell or chart you're trying to change is protected and therefore read-only. (${sheet})`,
    location
  );
}

export function apiNotFound(api: string, version: string): FakeOfficeError {
  return new FakeOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api}, ExcelApi ${version})`,
    api
  );
}
