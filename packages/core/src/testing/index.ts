// Test doubles for people testing their agents: `import { ScriptedModel } from "@sluice/core/testing"`.
export { ScriptedModel, type ScriptedReply, type ScriptedTurn, type ScriptedToolCall } from "./scripted-model.js";
export { ManualClock } from "./manual-clock.js";
export { toolContext, modelCall, type TestServices } from "./call-helpers.js";
