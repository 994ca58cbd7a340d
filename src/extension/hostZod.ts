import { z } from 'zod';

/**
 * VS Code's extension host logs an error stack ("navigator is now a global") when code reads `navigator`, and zod
 * reads it once to decide whether to compile parsers with `new Function`. What the host parses is small (webview
 * messages), so it does without compiled parsers; the worker keeps them.
 */
export function useZodWithoutEval(): void {
  z.config({ jitless: true });
}
