import { Readable } from "node:stream";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { testCredentials } from "./clients.js";

/**
 * An AWS SDK client whose transport returns the given bytes, so recorded responses and the
 * emulator's responses go through the very same SDK deserializers.
 */
export function replayClient(status: number, headers: Record<string, string>, body: Uint8Array): BedrockRuntimeClient {
  const requestHandler = {
    handle: async () => ({ response: { statusCode: status, headers, body: Readable.from([Buffer.from(body)]) } }),
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  return new BedrockRuntimeClient({
    region: "us-east-1",
    credentials: testCredentials,
    endpoint: "http://replay.invalid",
    maxAttempts: 1,
    requestHandler: requestHandler as unknown as BedrockRuntimeClient["config"]["requestHandler"],
  });
}
