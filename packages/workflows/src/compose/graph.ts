import { ConfigurationError } from "@sluice/core";
import type { ZodSchemaLike } from "@sluice/tools";
import { LoopLimitError } from "../errors/loop-limit-error.js";
import { checkBoundary, checkSchemaOption, type SchemaOutputOr } from "../steps/check-boundary.js";
import { childScope } from "../steps/scope.js";
import { checkStepName, siblingNames } from "../steps/step-names.js";
import { runStep, stepNames, type Step } from "../steps/step.js";
import { executeComposite } from "./execute-composite.js";

/** The edge target that ends a graph run. */
export const END = "__end__";

/** A node of a graph: a step that reads the shared state and returns the fields it changes (or nothing). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphNode<State> = Step<State, Partial<State> | undefined | void> | Step<any, Partial<State> | undefined | void>;

/** Where a node leads: another node, `END`, or a function of the state choosing one. */
export type GraphEdge<State, Names extends string> = Names | typeof END | ((state: State) => Names | typeof END | Promise<Names | typeof END>);

/**
 * Options of `graph(...)`.
 *
 * @example
 * const options = { state: Draft, nodes: { write, review }, start: "write", edges: { write: "review", review: (s) => (s.approved ? END : "write") }, maxSteps: 6 };
 */
export interface GraphOptions<StateSchema, State, Nodes extends Record<string, GraphNode<State>>> {
  /** A zod schema of the shared state, checked on entry and after every node's update. */
  state?: StateSchema;
  nodes: Nodes;
  /** The first node. */
  start: keyof Nodes & string;
  /** Each node's next node (a name, `END`, or a function of the state); a node without an edge ends the run. */
  edges: { [Name in keyof Nodes]?: GraphEdge<State, keyof Nodes & string> };
  /** Most node runs in one graph run (cycles are bounded by it). */
  maxSteps: number;
  /** At `maxSteps` without reaching `END`: `fail` (default) throws `LoopLimitError`; `return` gives the state as it is. */
  onMax?: "fail" | "return";
}

/**
 * A graph of agent and function nodes over a typed shared state: each node gets the state and
 * returns the fields it changes (merged into the state), then an edge — fixed or chosen by a
 * function of the state — names the next node, until `END`. Cycles are allowed and bounded by
 * `maxSteps`. A node run's path is `<graph path>[<n>]/<node name>` (n counts node runs from 0).
 *
 * @example
 * const editing = graph("editing", {
 *   state: z.object({ topic: z.string(), draft: z.string().default(""), approved: z.boolean().default(false) }),
 *   nodes: { write, review },
 *   start: "write",
 *   edges: { write: "review", review: (state) => (state.approved ? END : "write") },
 *   maxSteps: 6,
 * });
 */
export function graph<
  const StateSchema extends ZodSchemaLike | undefined = undefined,
  State = SchemaOutputOr<StateSchema, unknown>,
  Nodes extends Record<string, GraphNode<State>> = Record<string, GraphNode<State>>,
>(name: string, options: GraphOptions<StateSchema, State, Nodes>): Step<State, State> {
  checkStepName(name, "graph()");
  const owner = `graph "${name}"`;
  const nodes = options?.nodes as Record<string, GraphNode<State>> | undefined;
  if (typeof nodes !== "object" || nodes === null || Object.keys(nodes).length === 0) throw new ConfigurationError(`${owner} needs nodes: { name: step }.`);
  siblingNames(Object.values(nodes), owner);
  checkSchemaOption(options.state, "state", owner);
  const { start, edges = {}, maxSteps } = options;
  if (!Object.hasOwn(nodes, start)) throw new ConfigurationError(`${owner}: start "${String(start)}" is not a node; the nodes are ${Object.keys(nodes).join(", ")}.`);
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new ConfigurationError(`${owner} needs maxSteps: a whole number ≥ 1 of node runs.`);
  for (const [from, edge] of Object.entries(edges as Record<string, unknown>)) {
    if (!Object.hasOwn(nodes, from)) throw new ConfigurationError(`${owner}: edges has "${from}", which is not a node.`);
    if (typeof edge === "string" && edge !== END && !Object.hasOwn(nodes, edge)) throw new ConfigurationError(`${owner}: the edge leaving "${from}" leads to "${edge}", which is not a node (use END to stop).`);
  }
  const built: Step<State, State> = {
    name,
    kind: "graph",
    [runStep]: (input, scope) =>
      executeComposite("graph", name, scope, async (path) => {
        let state = await checkBoundary<State>(options.state, input, path, "input");
        let current: string = start;
        for (let count = 0; count < maxSteps; count += 1) {
          const node = nodes[current] as GraphNode<State>;
          const nodePath = `${path}[${count}]`;
          const update = await node[runStep](state, childScope(scope, nodePath));
          if (update !== undefined && update !== null) {
            if (typeof update !== "object" || Array.isArray(update)) {
              throw new ConfigurationError(`${owner}: the node "${current}" returned ${Array.isArray(update) ? "an array" : typeof update}; a node returns the state fields it changes, as an object.`);
            }
            state = await checkBoundary<State>(options.state, { ...(state as object), ...update }, `${nodePath}/${node.name}`, "output");
          }
          const edge = (edges as Record<string, GraphEdge<State, string> | undefined>)[current];
          const next = typeof edge === "function" ? await edge(state) : (edge ?? END);
          if (next === END) return state;
          if (!Object.hasOwn(nodes, next)) throw new ConfigurationError(`${owner}: the edge leaving "${current}" chose "${String(next)}", which is not a node.`);
          current = next;
        }
        if (options.onMax === "return") return state;
        throw new LoopLimitError(path, maxSteps, state, "graph");
      }),
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name, step: built }] });
}
