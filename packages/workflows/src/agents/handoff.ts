import { ConfigurationError, type Agent, type AgentTool, type Middleware, type ToolOutput } from "@sluice/core";
import { executeComposite } from "../compose/execute-composite.js";
import { agentPause, agentStep, buildAgent, type AgentSource } from "../steps/agent-step.js";
import { executeLeaf, type Leaf, type LeafContext, type LeafResult } from "../steps/execute-leaf.js";
import { runAgentInLeaf } from "../steps/run-agent.js";
import { childScope } from "../steps/scope.js";
import { checkStepName } from "../steps/step-names.js";
import { runStep, stepNames, type Step } from "../steps/step.js";
import { transcriptOf } from "./transcript.js";

/** A specialist the triage agent can hand the conversation to. */
export interface Specialist {
  /** When to hand over to this specialist; the triage model reads it (as its transfer tool's description). */
  description: string;
  /** The specialist: an `Agent`, or a factory building a fresh one per hand-off (it gets the message as input). */
  agent: AgentSource<string>;
}

/**
 * What the triage agent factory gets: the transfer tools to give the agent (one per specialist,
 * `transfer_to_<key>`), and the workflow's middleware.
 *
 * @example
 * triage: ({ tools, middleware }) => new Agent({ modelId, system: "Route the customer.", tools, middleware })
 */
export interface TriageContext {
  readonly tools: AgentTool[];
  readonly middleware: readonly Middleware[];
  readonly input: string;
  readonly path: string;
  readonly signal: AbortSignal;
}

/**
 * Options of `handoff(...)`.
 *
 * @example
 * const options = { triage: ({ tools }) => new Agent({ modelId, tools }), specialists: { billing, technical }, pass: "summary" as const };
 */
export interface HandoffOptions<Keys extends string> {
  /** Builds the triage agent; give it the transfer tools from the context. */
  triage: (context: TriageContext) => Agent | Promise<Agent>;
  specialists: Record<Keys, Specialist>;
  /**
   * What the specialist gets: `conversation` (default) the transcript of the triage
   * conversation's text; `summary` the summary the triage model wrote when it handed over, with
   * the user's message.
   */
  pass?: "conversation" | "summary";
}

/**
 * The output of a hand-off: who answered, and the answer.
 *
 * @example
 * if (result.agent === "billing") console.log("billing answered:", result.text);
 */
export interface HandoffResult<Keys extends string> {
  /** The specialist that answered, or `triage` when the triage agent answered itself. */
  agent: Keys | "triage";
  text: string;
  /** Why the triage agent handed over. */
  reason?: string;
}

/** What the triage step records (plain JSON). */
interface TriageOutcome {
  to?: string;
  reason?: string;
  summary?: string;
  text: string;
  transcript: string;
}

const keyPattern = /^[A-Za-z0-9_-]{1,52}$/;

/**
 * Triage, then hand-off: the triage agent either answers or calls `transfer_to_<specialist>`
 * (with a reason and a summary), which ends its run; the chosen specialist then gets the
 * conversation (or the summary) and answers. Each agent is a step (`<name>/triage`,
 * `<name>/<specialist>`), so approvals inside them pause the workflow and resumes skip what was done.
 *
 * @example
 * const desk = handoff("desk", {
 *   triage: ({ tools }) => new Agent({ modelId, system: "Send billing questions to billing, the rest to technical.", tools }),
 *   specialists: {
 *     billing: { description: "Invoices, refunds, charges", agent: () => new Agent({ modelId, system: "You handle billing." }) },
 *     technical: { description: "Bugs, errors, set-up", agent: () => new Agent({ modelId, system: "You fix problems." }) },
 *   },
 * }); // Step<string, HandoffResult<"billing" | "technical">>
 */
export function handoff<Keys extends string>(name: string, options: HandoffOptions<Keys>): Step<string, HandoffResult<Keys>> {
  checkStepName(name, "handoff()");
  const owner = `handoff "${name}"`;
  if (typeof options?.triage !== "function") throw new ConfigurationError(`${owner} needs triage: a function ({ tools }) => Agent that gives the agent the transfer tools.`);
  const specialists = options.specialists as Record<string, Specialist>;
  const keys = typeof specialists === "object" && specialists !== null ? Object.keys(specialists) : [];
  if (keys.length === 0) throw new ConfigurationError(`${owner} needs specialists: { key: { description, agent } }.`);
  for (const key of keys) {
    if (!keyPattern.test(key) || key === "triage") {
      throw new ConfigurationError(`${owner}: the specialist key "${key}" must be 1 to 52 of a-z A-Z 0-9 _ - (it becomes the tool transfer_to_${key}) and not "triage".`);
    }
    if (typeof specialists[key]?.description !== "string" || specialists[key].description.trim() === "") {
      throw new ConfigurationError(`${owner}: the specialist "${key}" needs a description; the triage model reads it to decide.`);
    }
  }
  const pass = options.pass ?? "conversation";
  if (pass !== "conversation" && pass !== "summary") throw new ConfigurationError(`${owner}: pass must be "conversation" or "summary".`);
  const specialistSteps = new Map(keys.map((key) => [key, agentStep({ name: key, agent: (specialists[key] as Specialist).agent })]));
  const triage = triageLeaf(options.triage, keys, specialists, owner);

  const built: Step<string, HandoffResult<Keys>> = {
    name,
    kind: "handoff",
    [runStep]: (input, scope) =>
      executeComposite("handoff", name, scope, async (path) => {
        const inner = childScope(scope, path);
        const outcome = (await executeLeaf(triage, input, inner)) as TriageOutcome;
        if (outcome.to === undefined) return { agent: "triage" as const, text: outcome.text };
        const specialist = specialistSteps.get(outcome.to);
        if (!specialist) throw new ConfigurationError(`${owner}: the recorded hand-off names "${outcome.to}", which is not a specialist now.`);
        const message = pass === "summary" ? summaryMessage(outcome, input) : conversationMessage(outcome);
        const text = await specialist[runStep](message, inner);
        return { agent: outcome.to as Keys, text, ...(outcome.reason !== undefined && { reason: outcome.reason }) };
      }),
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name, step: built }] });
}

function triageLeaf(factory: HandoffOptions<string>["triage"], keys: readonly string[], specialists: Record<string, Specialist>, owner: string): Leaf {
  return {
    name: "triage",
    kind: "agent",
    async perform(input: unknown, context: LeafContext): Promise<LeafResult> {
      if (typeof input !== "string" || input.trim() === "") throw new ConfigurationError(`${owner} needs a non-blank message as input.`);
      let chosen: { to: string; reason?: string; summary?: string } | undefined;
      const tools = keys.map((key): AgentTool => ({
        name: `transfer_to_${key}`,
        description: `Hand the conversation over to ${key}: ${(specialists[key] as Specialist).description}`,
        inputSchema: {
          type: "object",
          properties: {
            reason: { type: "string", description: "Why this specialist should take over." },
            summary: { type: "string", description: "A short summary of the conversation so far, for the specialist." },
          },
          required: ["reason"],
        },
        async invoke(raw: unknown): Promise<ToolOutput> {
          if (chosen) return { content: [{ text: `Already handed over to ${chosen.to}.` }], status: "error" };
          const given = (raw ?? {}) as { reason?: unknown; summary?: unknown };
          chosen = { to: key, ...(typeof given.reason === "string" && { reason: given.reason }), ...(typeof given.summary === "string" && { summary: given.summary }) };
          return { content: [{ text: `Handing over to ${key}.` }], endRun: true };
        },
      }));
      const agent = await buildAgent(({ middleware, path, signal }) => factory({ tools, middleware, input, path, signal }), input, context, owner);
      const result = await runAgentInLeaf(agent, () => input, context);
      if (result.status === "interrupted") return { type: "paused", pause: agentPause(agent, result, context.path) };
      const outcome: TriageOutcome = { ...chosen, text: result.text, transcript: transcriptOf(agent.conversation.messages) };
      return { type: "output", output: outcome, usage: result.usage };
    },
  };
}

function conversationMessage(outcome: TriageOutcome): string {
  const reason = outcome.reason ? `\n\nWhy it was handed to you: ${outcome.reason}` : "";
  return `This conversation was handed over to you. Answer the user's last message.\n\n${outcome.transcript}${reason}`;
}

function summaryMessage(outcome: TriageOutcome, input: string): string {
  const summary = outcome.summary?.trim() ? outcome.summary : "(the triage agent gave no summary)";
  return `This conversation was handed over to you.\n\nSummary so far: ${summary}\n\nThe user's message: ${input}`;
}
