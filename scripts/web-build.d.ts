export declare const DIST: string;
export declare function sourceHash(): string;
export declare function ensureWebBuild(options?: { force?: boolean; typecheck?: boolean; quiet?: boolean }): boolean;
