/**
 * Triage and hand-off: a triage agent reads the customer's message and hands the conversation to
 * the billing or the technical specialist (through a `transfer_to_<specialist>` tool), who
 * answers. Each agent is a step of the workflow, so the answer says who gave it.
 *
 * Runs against the embedded Bedrock emulator, whose scripted model plays the three agents:
 *   npx tsx --conditions=development examples/triage-handoff.ts "I was charged twice this month"
 */
import { fileURLToPath } from "node:url";
import { Agent, type BedrockClientOptions } from "@sluice/core";
import { startEmulator, type ScriptDefinition } from "@sluice/emulator";
import { handoff, workflow } from "@sluice/workflows";

const triageModel = "us.amazon.nova-micro-v1:0";
const billingModel = "us.amazon.nova-lite-v1:0";
const technicalModel = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

/** The support desk: triage, then billing or technical. */
export function supportDesk(clientOptions: BedrockClientOptions) {
  const desk = handoff("desk", {
    triage: ({ tools }) =>
      new Agent({ modelId: triageModel, clientOptions, tools, system: "You route customers: money questions to billing, problems with the app to technical." }),
    specialists: {
      billing: { description: "Charges, invoices and refunds", agent: () => new Agent({ modelId: billingModel, clientOptions, system: "You are the billing specialist." }) },
      technical: { description: "Errors, crashes and set-up problems", agent: () => new Agent({ modelId: technicalModel, clientOptions, system: "You are the technical specialist." }) },
    },
    pass: "summary",
  });
  return workflow({ name: "support", steps: desk });
}

/** The triage model hands over by topic; each specialist answers from the summary it gets. */
export const deskScript: ScriptDefinition = {
  models: {
    [triageModel]: {
      rules: [
        { match: { regex: "charged|invoice|refund" }, reply: { toolCalls: [{ name: "transfer_to_billing", input: { reason: "a billing question", summary: "The customer was charged twice." } }] } },
        { match: { regex: "error|crash" }, reply: { toolCalls: [{ name: "transfer_to_technical", input: { reason: "an app problem", summary: "The app shows an error at start." } }] } },
      ],
    },
    [billingModel]: { rules: [{ match: { text: "charged twice" }, reply: { text: "I've refunded the second charge; it will show in 3 to 5 days." } }] },
    [technicalModel]: { rules: [{ match: { text: "error at start" }, reply: { text: "Please update to version 2.4; it fixes that start-up error." } }] },
  },
};

/** Sends one customer message through the desk against the emulator. */
export async function askSupport(message: string) {
  const emulator = await startEmulator({ script: deskScript });
  try {
    const result = await supportDesk(emulator.clientOptions).run(message);
    return { result, models: emulator.requests.map((request) => request.modelId) };
  } finally {
    await emulator.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  askSupport(process.argv[2] ?? "I was charged twice this month")
    .then(({ result }) => console.log(result.status === "complete" ? `${result.output.agent}: ${result.output.text}` : result))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
