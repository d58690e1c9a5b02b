import { ConverseCommand, BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime"; export const x = ConverseCommand;
