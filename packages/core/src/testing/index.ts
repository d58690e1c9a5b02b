// Test doubles for people testing their agents: `import { ScriptedModel } from "@sluice/core/testing"`.
export { ScriptedModel, type ScriptedReply, type ScriptedTurn, type ScriptedToolUse } from "./scripted-model.js";
export { ManualClock } from "./manual-clock.js";
