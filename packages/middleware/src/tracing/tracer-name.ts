/** The instrumentation scope Sluice's spans are created under. */
export const tracerName = "@sluice/middleware";
