import { ConfigurationError } from "@sluice/core";
import { stepNames, type AnyStep, type NamedStep } from "./step.js";

const namePattern = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$/;

/** Refuses a step name that could not be part of a path: 1 to 64 of `A-Z a-z 0-9 _ . : -`, not starting with a punctuation mark. */
export function checkStepName(name: unknown, owner: string): asserts name is string {
  if (typeof name !== "string" || !namePattern.test(name)) {
    throw new ConfigurationError(
      `${owner} needs a name of 1 to 64 letters, digits, "_", ".", ":" or "-" (got ${JSON.stringify(name) ?? String(name)}). ` +
        "The name is part of the step's path, its identity when a paused run resumes, so it must also stay the same between versions.",
    );
  }
}

/**
 * The names a group of sibling steps takes up, refusing two different steps with one name: a
 * step's path is its identity, so siblings must differ. The same step object twice (in two arms
 * of a branch) is allowed.
 */
export function siblingNames(children: readonly AnyStep[], where: string): NamedStep[] {
  const seen = new Map<string, object>();
  const names: NamedStep[] = [];
  for (const child of children) {
    if (typeof child !== "object" || child === null || !(stepNames in child)) {
      throw new ConfigurationError(`${where} got ${child === null ? "null" : typeof child} where a step belongs; build steps with step(), agentStep(), toolStep(), sequence(), parallel(), … or workflow().`);
    }
    for (const named of child[stepNames]) {
      const holder = seen.get(named.name);
      if (holder === undefined) {
        seen.set(named.name, named.step);
        names.push(named);
      } else if (holder !== named.step) {
        throw new ConfigurationError(
          `${where} has two different steps named "${named.name}". A step's path is its identity (for events, tracing and resuming), ` +
            "so siblings need different names: give one of them another name.",
        );
      }
    }
  }
  return names;
}
