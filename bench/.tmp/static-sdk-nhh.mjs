import "./static-sdk.mjs"; import { NodeHttpHandler } from "@smithy/node-http-handler"; export const y = NodeHttpHandler;
