// Helpers Sluice's own packages share: `import { … } from "@sluice/tools/internal"`. Not part of
// the public API: these may change in any release.

export { isDefinedTool } from "./define/define-tool.js";
export { isZod3Schema, isZod4Schema } from "./schema/schema-kind.js";
export { toToolJsonSchema } from "./schema/to-tool-json-schema.js";
export { validateValue } from "./schema/validate-value.js";
export { isApprovalDecision, approvalRequiredReason } from "./approval/approval-decision.js";
