import { AsyncLocalStorage } from "node:async_hooks";

/** What one durable run counts, to notice an agent that was given no `durableMiddleware()`. */
export interface DurableScope {
  modelSteps: number;
  toolSteps: number;
}

const scopes = new AsyncLocalStorage<DurableScope>();

/** Runs `body` with a fresh count of durable steps, and returns both. */
export async function withDurableScope<T>(body: () => Promise<T>): Promise<{ value: T; scope: DurableScope }> {
  const scope: DurableScope = { modelSteps: 0, toolSteps: 0 };
  const value = await scopes.run(scope, body);
  return { value, scope };
}

/** Counts a durable step in the enclosing scope, if any. */
export function countStep(kind: "model" | "tool"): void {
  const scope = scopes.getStore();
  if (scope === undefined) return;
  if (kind === "model") scope.modelSteps += 1;
  else scope.toolSteps += 1;
}
