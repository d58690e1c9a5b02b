export const cliVersion = "0.1.0";
