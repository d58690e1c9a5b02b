import { baseHeaders } from "../server/call-context.js";
import type { ResponseChannel } from "../server/response-channel.js";
import type { ServiceError } from "./service-error.js";

/**
 * Answers with an exception exactly as the service encodes it: its HTTP status,
 * `x-amzn-ErrorType: Name:<namespace>`, and a JSON body `{"message": …}` with extra members.
 *
 * @example
 * sendServiceError(channel, requestId, new ServiceError("ThrottlingException"));
 */
export function sendServiceError(channel: ResponseChannel, requestId: string, error: ServiceError): void {
  const body: Record<string, unknown> = error.toBody();
  // The front door (auth) capitalises the member, as recorded for missing credentials.
  if (error.exception.name === "MissingAuthenticationTokenException") {
    body["Message"] = body["message"];
    delete body["message"];
  }
  channel.sendJson(
    error.status,
    { ...baseHeaders(requestId), "x-amzn-ErrorType": `${error.exception.name}:${error.exception.namespace}` },
    JSON.stringify(body),
  );
}
