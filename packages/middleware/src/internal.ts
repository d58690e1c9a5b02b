// Helpers Sluice's own packages share: `import { … } from "@sluice/middleware/internal"`. Not part
// of the public API: these may change in any release.

export { estimateRequestTokens } from "./shared/token-estimate.js";
