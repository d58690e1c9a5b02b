import { NodeHttpHandler } from "@smithy/node-http-handler"; import "./static-sdk.mjs";export const y = NodeHttpHandler;
