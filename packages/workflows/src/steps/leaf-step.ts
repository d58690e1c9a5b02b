import { executeLeaf, type Leaf } from "./execute-leaf.js";
import { runStep, stepNames, type Step } from "./step.js";

/** The step value of a leaf (function, agent or tool step). */
export function leafStep<Input, Output>(leaf: Leaf): Step<Input, Output> {
  const built: Step<Input, Output> = {
    name: leaf.name,
    kind: leaf.kind,
    [runStep]: (input, scope) => executeLeaf(leaf, input, scope) as Promise<Output>,
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name: leaf.name, step: built }] });
}
