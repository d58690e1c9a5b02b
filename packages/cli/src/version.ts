/**
 * The version `sluice --version` prints.
 *
 * @example
 * createProgram().version(); // "0.1.0"
 */
export const cliVersion = "0.1.0";
