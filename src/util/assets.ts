import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root, where schemas/, policies/build/, seeds/ and data/ live (dist/ sits beside them). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function assetPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
