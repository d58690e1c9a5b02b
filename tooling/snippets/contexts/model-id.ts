// Gives a snippet a model ID as `modelId`.
const modelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
