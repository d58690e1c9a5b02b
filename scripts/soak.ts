/**
 * `pnpm soak` (or `npm run soak`): thousands of agent runs against the emulator with mixed
 * faults; prints the figures and exits non-zero if any run ended untyped, dishonest or with an
 * invalid conversation. `--runs N` (default 5000), `--seed N` (default 7).
 */
import { runSoak } from "../packages/core/tests/fault-soak.js";

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const figures = await runSoak({ runs: argument("runs", 5000), seed: argument("seed", 7) });
console.log(JSON.stringify(figures, null, 2));
const broken = figures.untypedErrors + figures.invalidConversations + figures.dishonestErrors;
console.log(broken === 0 ? `soak: ${figures.runs} runs, every one complete or a typed, rolled-back error` : `soak: ${broken} runs broke the promise`);
process.exit(broken === 0 ? 0 : 1);
