import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { handleAdminRequest } from "../admin/handle-admin-request.js";
import { handleConverse } from "../converse/handle-converse.js";
import { handleCountTokens } from "../converse/handle-count-tokens.js";
import { sendServiceError } from "../errors/send-service-error.js";
import { ServiceError, serviceErrorFromName, validationError } from "../errors/service-error.js";
import type { RecordedRequest } from "../inspection/recorded-request.js";
import { handleInvokeModel } from "../invoke/handle-invoke-model.js";
import { handleControlPlane, isControlPlanePath } from "../profiles/handle-control-plane.js";
import { API_KEY_REJECTED_BODY } from "./api-keys.js";
import { baseHeaders } from "./call-context.js";
import type { CallContext } from "./call-context.js";
import type { EmulatorState } from "./emulator-state.js";
import { ResponseChannel } from "./response-channel.js";
import { decodeModelId, routeRequest } from "./route-request.js";
import { sleep } from "./sleep.js";

const adminPrefix = "/__emulator/";
const unknownOperationBody = '{"Output":{"__type":"com.amazon.coral.service#UnknownOperationException"},"Version":"1.0"}';

/**
 * Serves one HTTP request (HTTP/1.1 or HTTP/2): admin endpoints, routing on the raw path,
 * authorization, model lookup, recording, faults, then the operation handler. Any ServiceError
 * thrown on the way is answered exactly as the service encodes it.
 *
 * @example
 * http.createServer((request, response) => void handleRequest(state, signal, request, response));
 */
export async function handleRequest(
  state: EmulatorState,
  signal: AbortSignal,
  request: IncomingMessage | Http2ServerRequest,
  response: ServerResponse | Http2ServerResponse,
): Promise<void> {
  const startedAt = performance.now();
  const channel = new ResponseChannel(response);
  const requestId = randomUUID();
  const rawPath = request.url ?? "/";
  let rawBody: Buffer;
  try {
    rawBody = await readBody(request);
  } catch {
    return;
  }
  if (rawPath.startsWith(adminPrefix)) {
    handleAdminRequest(state, request.method ?? "GET", rawPath, rawBody, channel);
    return;
  }
  const controlPlane = isControlPlanePath(rawPath);
  const route = controlPlane ? undefined : routeRequest(request.method, rawPath);
  const bodyText = rawBody.toString("utf8");
  const record: RecordedRequest = {
    sequence: state.log.nextSequence(),
    requestId,
    receivedAt: new Date(),
    method: request.method ?? "",
    rawPath,
    httpVersion: request.httpVersion,
    headers: request.headers,
    body: parseJson(bodyText),
    rawBody: bodyText,
    ...(route === undefined ? {} : { operation: route.operation, modelId: decodeModelId(route.encodedModelId) ?? route.encodedModelId }),
  };
  state.log.add(record);
  if (!state.apiKeys.accepts(request.headers["authorization"])) {
    record.response = { status: 403, exception: "AuthenticationFailed" };
    channel.sendJson(403, baseHeaders(requestId), API_KEY_REJECTED_BODY);
    return;
  }
  if (controlPlane) {
    serveControlPlane(state, request, record, channel, requestId);
    return;
  }
  if (route === undefined) {
    record.response = { status: 404, exception: "UnknownOperationException" };
    channel.sendJson(
      404,
      { ...baseHeaders(requestId), "x-amzn-ErrorType": "UnknownOperationException:http://internal.amazon.com/coral/com.amazon.coral.service/" },
      unknownOperationBody,
    );
    return;
  }
  try {
    if (state.requireAuthorization && !hasAuthorization(request.headers["authorization"])) {
      throw new ServiceError("MissingAuthenticationTokenException");
    }
    const modelId = record.modelId ?? "";
    const model = state.catalog.resolve(modelId);
    if (model === undefined) throw validationError("The provided model identifier is invalid.");
    const fault = state.faults.decide(route.operation, model.modelId);
    if (fault.delayMs > 0 && !(await sleep(fault.delayMs, signal))) return;
    const effect = fault.effect;
    if (effect?.type === "error") throw serviceErrorFromName(effect.exception, effect.message, effect.members);
    if (effect?.type === "disconnect" && (effect.afterEvents ?? 0) === 0) {
      record.response = { status: 0, fault: "disconnect" };
      channel.drop();
      return;
    }
    const context: CallContext = {
      state,
      operation: route.operation,
      model,
      requestId,
      startedAt,
      headers: request.headers,
      body: record.body,
      channel,
      fault,
      record,
      signal,
    };
    record.response = { status: 200, ...(effect === undefined ? {} : { fault: effect.type }) };
    await dispatch(context);
  } catch (error) {
    // Anything but a ServiceError is a bug in the emulator: say so as the service would, and keep serving.
    const answer = error instanceof ServiceError ? error : new ServiceError("InternalServerException", `Emulator failure: ${(error as Error).message}`);
    record.response = { status: answer.status, exception: answer.exception.name };
    sendServiceError(channel, requestId, answer);
  }
}

function serveControlPlane(state: EmulatorState, request: IncomingMessage | Http2ServerRequest, record: RecordedRequest, channel: ResponseChannel, requestId: string): void {
  try {
    if (state.requireAuthorization && !hasAuthorization(request.headers["authorization"])) throw new ServiceError("MissingAuthenticationTokenException");
    record.response = { status: handleControlPlane(state.profiles, request.method ?? "GET", record.rawPath, record.body, channel, requestId) };
  } catch (error) {
    const answer = error instanceof ServiceError ? error : new ServiceError("InternalServerException", `Emulator failure: ${(error as Error).message}`);
    record.response = { status: answer.status, exception: answer.exception.name };
    sendServiceError(channel, requestId, answer);
  }
}

async function dispatch(context: CallContext): Promise<void> {
  switch (context.operation) {
    case "Converse":
    case "ConverseStream":
      return handleConverse(context);
    case "InvokeModel":
    case "InvokeModelWithResponseStream":
      return handleInvokeModel(context);
    case "CountTokens":
      return handleCountTokens(context);
  }
}

function hasAuthorization(value: string | string[] | undefined): boolean {
  return typeof value === "string" && value.trim().length > 0;
}

function parseJson(body: string): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function readBody(request: IncomingMessage | Http2ServerRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    request.on("error", reject);
    request.on("aborted", () => reject(new Error("request aborted")));
  });
}
