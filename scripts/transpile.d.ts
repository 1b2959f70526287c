import type { CompilerOptions } from 'typescript';

export const ROOT: string;
export const TRANSPILED_BUILDS: string;
export function compilerOptions(): CompilerOptions;
export function sourceFiles(): { path: string; text: string }[];
export function transpileTo(outDir: string, files: { path: string; text: string }[], options: CompilerOptions): void;
export function cachedBuild(builds: string): { dir: string; built: boolean; files: number; ms: number };
