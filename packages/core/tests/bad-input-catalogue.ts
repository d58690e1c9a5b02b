import { expect } from "vitest";
import type { Agent, AgentTool } from "../src/index.js";

/** What a catalogued bad input must end with: the error's type check and its message. */
export interface Refusal {
  is: (error: unknown) => boolean;
  message: RegExp;
}

/** A tool that answers with its input, for the tool loop. */
export const echoTool: AgentTool = {
  name: "echo",
  description: "Echoes its input",
  inputSchema: { type: "object", properties: {} },
  invoke: async (input) => ({ content: [{ json: { echoed: input } as never }] }),
};

/** The caught rejection of `action`, or a failure when it resolved. */
export async function rejectionOf(action: () => Promise<unknown>): Promise<Error & { rolledBack?: boolean; code?: string }> {
  try {
    await action();
  } catch (error) {
    return error as Error & { rolledBack?: boolean };
  }
  throw new Error("expected a rejection, but the call succeeded");
}

/**
 * The catalogue's promise for a refused run: the error has the expected type and message, says
 * `rolledBack: true`, the conversation is exactly as before, and the next send() works.
 */
export async function expectRefusedRun(agent: Agent, action: () => Promise<unknown>, refusal: Refusal, nextText = "next"): Promise<void> {
  const before = JSON.stringify(agent.snapshot());
  const error = await rejectionOf(action);
  expect(error.message).toMatch(refusal.message);
  expect(refusal.is(error), `${error.name}: ${error.message}`).toBe(true);
  expect(error.rolledBack).toBe(true);
  expect(error.message).not.toMatch(/committed/);
  expect(JSON.stringify(agent.snapshot())).toBe(before);
  const next = await agent.send(nextText);
  expect(next.text).toBe(`You said: ${nextText}`);
}
