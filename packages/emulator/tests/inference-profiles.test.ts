import {
  BedrockClient,
  CreateInferenceProfileCommand,
  DeleteInferenceProfileCommand,
  GetInferenceProfileCommand,
  ListInferenceProfilesCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-bedrock";
import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import type { Emulator } from "../src/index.js";
import { bedrockClient, postJson, testCredentials, userText } from "./helpers/clients.js";
import { fixturesPresent, loadInteractions } from "./helpers/recorded-fixtures.js";

const recordedProfile = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    inferenceProfiles: [
      // The profile of dd-trace-py's recording, declared with the recorded values.
      {
        name: "dd-frmlo206",
        id: "1arbu5hu2sjr",
        model: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
        description: "FRMLO-206 repro resolve application inference profile model id",
        createdAt: "2026-07-13T14:00:42.680622107Z",
      },
    ],
  });
});
afterAll(async () => {
  await emulator?.close();
});

function controlPlane(): BedrockClient {
  return new BedrockClient({ endpoint: emulator.url, region: "us-east-1", credentials: testCredentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
}

const claudeBody = { anthropic_version: "bedrock-2023-05-31", max_tokens: 50, messages: [{ role: "user", content: "Hi" }] };

describe("application inference profiles", () => {
  it.skipIf(!fixturesPresent)("describes a declared profile byte for byte like the recorded GetInferenceProfile", async () => {
    const [recorded] = loadInteractions(/^\/inference-profiles\//);
    expect(recorded).toBeDefined();
    const response = await fetch(`${emulator.url}${recorded?.path}`, { headers: { authorization: "Bearer test" } });
    expect(response.status).toBe(recorded?.status);
    expect(await response.text()).toBe(Buffer.from(recorded?.responseBody ?? []).toString("utf8"));
  });

  it("serves GetInferenceProfile to @aws-sdk/client-bedrock, by ARN and by ID", async () => {
    const client = controlPlane();
    const byArn = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: recordedProfile }));
    expect(byArn.type).toBe("APPLICATION");
    expect(byArn.models?.map((model) => model.modelArn)).toEqual([
      "arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
    ]);
    expect(byArn.createdAt).toBeInstanceOf(Date);
    const byId = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: "1arbu5hu2sjr" }));
    expect(byId.inferenceProfileArn).toBe(recordedProfile);
    const system = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: "us.anthropic.claude-sonnet-4-6" }));
    expect(system.type).toBe("SYSTEM_DEFINED");
    expect(system.models?.[0]?.modelArn).toBe("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6");
    client.destroy();
  });

  it("answers an unknown profile with ResourceNotFoundException", async () => {
    const client = controlPlane();
    const failure = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: "nosuchprofile" })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ResourceNotFoundException);
    expect((failure as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    client.destroy();
  });

  it("resolves a declared profile ARN to its model: Claude's native body works on InvokeModel", async () => {
    emulator.reset();
    emulator.enqueue({ text: "Hello from the profile" });
    const runtime = bedrockClient(emulator);
    const response = await runtime.send(new InvokeModelCommand({ modelId: recordedProfile, body: JSON.stringify(claudeBody), contentType: "application/json" }));
    const body = JSON.parse(Buffer.from(response.body).toString("utf8")) as { model: string; content: Array<{ text: string }> };
    expect(body.content[0]?.text).toBe("Hello from the profile");
    expect(body.model).toBe("claude-haiku-4-5-20251001");
    runtime.destroy();
  });

  it("creates, lists and deletes profiles through the control plane; a created ARN works until deleted", async () => {
    emulator.reset();
    const client = controlPlane();
    const runtime = bedrockClient(emulator);
    const created = await client.send(
      new CreateInferenceProfileCommand({ inferenceProfileName: "team-b", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0" } }),
    );
    expect(created.status).toBe("ACTIVE");
    const arn = String(created.inferenceProfileArn);
    expect(arn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:application-inference-profile\/[a-z0-9]{12}$/);
    const listed = await client.send(new ListInferenceProfilesCommand({ typeEquals: "APPLICATION" }));
    expect(listed.inferenceProfileSummaries?.map((profile) => profile.inferenceProfileName).sort()).toEqual(["dd-frmlo206", "team-b"]);
    const invoked = await runtime.send(new InvokeModelCommand({ modelId: arn, body: JSON.stringify({ prompt: "Hi", max_gen_len: 20 }) }));
    expect(Object.keys(JSON.parse(Buffer.from(invoked.body).toString("utf8")) as object)).toContain("generation");
    await client.send(new DeleteInferenceProfileCommand({ inferenceProfileIdentifier: arn }));
    const afterDelete = await postJson(emulator, `/model/${encodeURIComponent(arn)}/invoke`, { prompt: "Hi" });
    expect(JSON.parse(afterDelete.text)).toEqual({ message: "The provided model identifier is invalid." });
    client.destroy();
    runtime.destroy();
  });

  it("refuses a second profile with a name in use, and keeps only declared profiles after reset", async () => {
    emulator.reset();
    const client = controlPlane();
    const duplicate = await client
      .send(new CreateInferenceProfileCommand({ inferenceProfileName: "dd-frmlo206", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0" } }))
      .catch((error: unknown) => error as { name: string });
    expect((duplicate as { name: string }).name).toBe("ConflictException");
    emulator.createInferenceProfile({ name: "temporary", model: "amazon.nova-micro-v1:0" });
    expect(emulator.inferenceProfiles.map((profile) => profile.inferenceProfileName)).toEqual(["dd-frmlo206", "temporary"]);
    emulator.reset();
    expect(emulator.inferenceProfiles.map((profile) => profile.inferenceProfileName)).toEqual(["dd-frmlo206"]);
    client.destroy();
  });

  it("applies the profile's model rules on Converse (Claude 4 accepts a leading assistant message)", async () => {
    emulator.reset();
    const runtime = bedrockClient(emulator);
    const messages = [{ role: "assistant" as const, content: [{ text: "Earlier answer." }] }, userText("Go on.")];
    const response = await runtime.send(new ConverseCommand({ modelId: recordedProfile, messages }));
    expect(response.stopReason).toBe("end_turn");
    runtime.destroy();
  });
});
