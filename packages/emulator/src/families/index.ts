// Native InvokeModel dialects: the server resolves a family per model ID and delegates to it.
export { families, resolveFamily, UnknownFamilyError } from "./resolve-family.js";
export {
  type EmbeddingResult,
  type ModelFamily,
  type ModelTurn,
  type RenderContext,
  NativeBodyError,
  STREAMING_UNSUPPORTED_MESSAGE,
} from "./model-family.js";
export { foundationModelId } from "./model-id.js";
export { estimateTokenCount } from "./token-estimate.js";
