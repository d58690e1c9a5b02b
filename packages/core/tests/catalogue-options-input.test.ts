import { describe, expect, it } from "vitest";
import {
  Agent,
  ConfigurationError,
  ConversationValidationError,
  type AgentInput,
  type AgentOptions,
} from "../src/index.js";
import { echoTool, expectRefusedRun, type Refusal } from "./bad-input-catalogue.js";
import { useEmulator } from "./emulator-fixture.js";

const modelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
const local = useEmulator();
const configuration = (message: RegExp): Refusal => ({ is: ConfigurationError.isInstance, message });
const invalid = (message: RegExp): Refusal => ({ is: ConversationValidationError.isInstance, message });

// Options: refused at construction, before anything touches the network.
const badOptions: Array<[string, Record<string, unknown>, RegExp]> = [
  ["options that are not an object", null as never, /needs an options object/],
  ["an unknown option", { modelID: modelId }, /Unknown agent option: modelID\. Did you mean modelId\?/],
  ["temperature at the top level", { temperature: 0.2 }, /Put temperature inside inferenceConfig/],
  ["endpoint at the top level", { endpoint: "http://x" }, /Put endpoint inside clientOptions/],
  ["an empty modelId", { modelId: "" }, /modelId must be a non-empty string/],
  ["a numeric modelId", { modelId: 42 }, /modelId must be a non-empty string/],
  ["a blank system prompt", { system: "   " }, /system is blank/],
  ["system blocks with blank text", { system: [{ text: "" }] }, /system\[0\] is a blank text block/],
  ["system that is a number", { system: 5 }, /system is a number; it must be a string or an array/],
  ["system block with two members", { system: [{ text: "a", cachePoint: { type: "default" } }] }, /system\[0\] sets both text and cachePoint/],
  ["tools that are not an array", { tools: echoTool }, /tools is an object; it must be an array of tools/],
  ["a tool that is a string", { tools: ["echo"] }, /tools\[0\] is a string: a tool needs name, inputSchema and invoke/],
  ["a tool without invoke", { tools: [{ name: "x", inputSchema: { type: "object" } }] }, /tools\[0\] is not a tool/],
  ["middleware that is not an array", { middleware: () => undefined }, /middleware is a function; it must be an array of middleware/],
  ["a middleware that is a string", { middleware: ["logging"] }, /middleware\[0\] is a string; a middleware is a function/],
  ["a misspelt tool hook", { middleware: [{ name: "audit", tools: async () => undefined }] }, /middleware\[0\] \("audit"\) has the unknown hook "tools"\. Did you mean "tool"\?/],
  ["a misspelt model hook", { middleware: [{ modle: async () => undefined }] }, /has the unknown hook "modle"\. Did you mean "model"\?/],
  ["a hook that is not a function", { middleware: [{ run: "yes" }] }, /middleware\[0\]\.run is a string; it must be a function/],
  ["a middleware object without hooks", { middleware: [{ name: "empty" }] }, /has no hook; give it model, tool or run/],
  ["a misspelt clientOptions.endpoint", { clientOptions: { endpiont: "http://127.0.0.1:1" } }, /Unknown clientOptions key: endpiont\. Did you mean endpoint\?/],
  ["clientOptions that are a string", { clientOptions: "us-east-1" }, /clientOptions is a string; it must be an object/],
  ["a clientOptions.endpoint that is no URL", { clientOptions: { endpoint: "localhost" } }, /clientOptions\.endpoint is "localhost"; it must be a URL/],
  ["clientOptions.maxAttempts of 0", { clientOptions: { maxAttempts: 0 } }, /clientOptions\.maxAttempts is 0/],
  ["client and clientOptions together", { client: { send() {} }, clientOptions: { region: "us-east-1" } }, /Pass either client or clientOptions/],
  ["a client without send", { client: {} }, /client must be a BedrockRuntimeClient/],
  ["a model without converseStream", { model: { converse() {} } }, /model must implement converse\(\) and converseStream\(\)/],
  ["a logger without warn", { logger: { info() {} } }, /logger must have debug, info, warn and error methods/],
  ["a store without save", { store: { load() {} }, conversationId: "c" }, /store must be a ConversationStore/],
  ["conversationId without a store", { conversationId: "c" }, /conversationId needs a store/],
  ["maxSteps of 0", { maxSteps: 0 }, /maxSteps is 0; it must be a whole number of at least 1/],
  ["a fractional toolConcurrency", { toolConcurrency: 1.5 }, /toolConcurrency is 1\.5/],
  ["an unknown toolErrors mode", { toolErrors: "ignore" }, /toolErrors is "ignore"; use one of "model", "throw"/],
  ["inferenceConfig.temperature above 1", { inferenceConfig: { temperature: 1.5 } }, /inferenceConfig\.temperature is 1\.5/],
  ["an unknown inferenceConfig key", { inferenceConfig: { top_k: 5 } }, /Unknown inferenceConfig key: top_k/],
  ["inferenceConfig that is a number", { inferenceConfig: 3 }, /inferenceConfig is a number/],
  ["requestMetadata that is a string", { requestMetadata: "team=a" }, /requestMetadata is a string; it must be an object/],
  ["additionalModelResponseFieldPaths with a number", { additionalModelResponseFieldPaths: [1] }, /additionalModelResponseFieldPaths must be an array of non-empty/],
  ["a name that is a number", { name: 7 }, /name is a number; it must be a string/],
  ["a conversation that is a string", { conversation: "hello" }, /conversation must be a Conversation or the snapshot/],
  ["system with a prompt ARN", { modelId: "arn:aws:bedrock:us-east-1:123456789012:prompt/ABC", system: "x" }, /system cannot be used with a prompt-management ARN/],
];

describe("bad input catalogue: options", () => {
  it.each(badOptions)("refuses %s at construction", (_name, options, message) => {
    const full = options === null ? null : { modelId, ...options };
    let error: unknown;
    try {
      new Agent(full as AgentOptions);
    } catch (caught) {
      error = caught;
    }
    expect(ConfigurationError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it("builds and sends once the option is corrected", async () => {
    const agent = new Agent({ modelId, client: local.client(), middleware: [{ name: "audit", tool: (call, next) => next() }] });
    expect((await agent.send("hi")).text).toBe("You said: hi");
  });
});

const image = (bytes: unknown) => ({ image: { format: "png", source: { bytes } } });

// User input: refused locally, conversation unchanged, and the next send() works.
const badInputs: Array<[string, unknown, Refusal]> = [
  ["null", null, configuration(/Input must be a string, a content block, an array of content blocks, or a user message; it is null/)],
  ["a number", 42, configuration(/it is a number/)],
  ["a boolean", true, configuration(/it is a boolean/)],
  ["an empty string", "", configuration(/The input text is blank/)],
  ["a blank string", " \n\t", configuration(/The input text is blank/)],
  ["an empty array", [], configuration(/The input has no content blocks/)],
  ["an array holding null", [null], invalid(/The input is refused: messages\[2\]\.content\[0\] is null, not a content block object/)],
  ["an array holding a string", ["hello"], invalid(/messages\[2\]\.content\[0\] is a string, not a content block object/)],
  ["an array holding a number", [7], invalid(/messages\[2\]\.content\[0\] is a number, not a content block object/)],
  ["an empty block", [{}], invalid(/messages\[2\]\.content\[0\] is empty; a content block has exactly one of text, image/)],
  ["a block with blank text", [{ text: "" }], invalid(/messages\[2\]\.content\[0\] is a blank text block/)],
  ["a second block with blank text", [{ text: "a" }, { text: "  " }], invalid(/messages\[2\]\.content\[1\] is a blank text block/)],
  ["text that is a number", [{ text: 5 }], invalid(/messages\[2\]\.content\[0\]\.text is a number; text must be a string/)],
  ["a block with two members", [{ text: "a", ...image(new Uint8Array([1])) }], invalid(/messages\[2\]\.content\[0\] sets both text and image; a content block has exactly one member/)],
  ["a block with an unknown member", [{ txt: "a" }], invalid(/messages\[2\]\.content\[0\] has the unknown member "txt"/)],
  ["a Buffer in the array", [Buffer.from("hi")], invalid(/messages\[2\]\.content\[0\] is binary data \(2 bytes\), not a content block/)],
  ["a Buffer as the input", Buffer.from("hello"), invalid(/messages\[2\]\.content\[0\] is binary data \(5 bytes\)/)],
  ["an image whose bytes are a string", [image("iVBORw0KGgo=")], invalid(/messages\[2\]\.content\[0\]\.image\.source\.bytes is a string; it must be a Uint8Array/)],
  ["an image with empty bytes", [image(new Uint8Array())], invalid(/messages\[2\]\.content\[0\]\.image\.source\.bytes is empty/)],
  ["an image without a format", [{ image: { source: { bytes: new Uint8Array([1]) } } }], invalid(/image\.format must be a non-empty string/)],
  ["a document without a name", [{ document: { format: "pdf", source: { bytes: new Uint8Array([1]) } } }], invalid(/document\.name must be a non-empty string/)],
  ["a toolUse from the user", [{ toolUse: { toolUseId: "t1", name: "echo", input: {} } }], invalid(/toolUse blocks may only appear in assistant messages/)],
  ["a toolResult answering nothing", [{ toolResult: { toolUseId: "t9", content: [{ text: "x" }] } }], invalid(/holds a toolResult for "t9", but the previous assistant message has no toolUse with that id/)],
  ["reasoning from the user", [{ reasoningContent: { reasoningText: { text: "hmm" } } }], invalid(/reasoningContent blocks may only appear in assistant messages/)],
  ["a cachePoint of an unknown type", [{ text: "a" }, { cachePoint: { type: "forever" } }], invalid(/messages\[2\]\.content\[1\]\.cachePoint must be \{ type: "default" \}/)],
  ["an assistant message", { role: "assistant", content: [{ text: "hi" }] }, configuration(/The input message has role "assistant"; input must be a user message/)],
  ["a message whose content is a string", { role: "user", content: "hi" }, configuration(/The input message's content must be an array/)],
  ["a message with no content blocks", { role: "user", content: [] }, configuration(/The input has no content blocks/)],
];

describe("bad input catalogue: user input", () => {
  for (const api of ["send", "stream"] as const) {
    it.each(badInputs)(`${api}() refuses %s`, async (_name, input, refusal) => {
      const agent = new Agent({ modelId, client: local.client(), tools: [echoTool] });
      await agent.send("first");
      const run = () => (api === "send" ? agent.send(input as AgentInput) : agent.stream(input as AgentInput).result);
      await expectRefusedRun(agent, run, refusal);
      expect(local.emulator.requests).toHaveLength(2); // the refused input never left the agent
    });
  }
});
