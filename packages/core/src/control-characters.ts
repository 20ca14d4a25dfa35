/**
 * The characters no corpus string may hold: they rewrite a terminal (escape
 * sequences start with one) or reorder the text around them, so a fact that
 * reads one way in the YAML could print another way.
 */

/**
 * Whether a UTF-16 code unit is a character the corpus refuses: a C0 control
 * other than tab and newline, DEL, a C1 control, or a bidi embedding,
 * override or isolate (U+202A–U+202E, U+2066–U+2069).
 */
export function isForbiddenCharacter(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** Index of the first forbidden character of a text, or -1. */
export function findForbiddenCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) if (isForbiddenCharacter(text.charCodeAt(i))) return i;
  return -1;
}

/** The first string in a value (keys included) holding a forbidden character: its path and the character. */
export function findForbiddenString(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; char: string } | undefined {
  if (typeof value === 'string') {
    const at = findForbiddenCharacter(value);
    return at < 0 ? undefined : { path, char: value[at]! };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenString(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = findForbiddenCharacter(key);
      if (at >= 0) return { path, char: key[at]! };
      const found = findForbiddenString(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** A character as U+XXXX. */
export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
