// The output formats of `check --format` (a light module: the CLI's option parsing needs only this).
export const formats = ["pretty", "brief", "json", "sarif", "github", "junit", "plain"] as const;
export type Format = (typeof formats)[number];
