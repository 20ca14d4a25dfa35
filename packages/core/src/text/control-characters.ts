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
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Index of the first forbidden character of a text, or -1. */
export function findForbiddenCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) if (isForbiddenCharacter(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * The first string in a value (keys included, with the path of the record
 * holding them) at which `find` returns an index, with that index: one walk
 * for every rule about the characters of a record's strings.
 */
export function findInStrings(
  value: unknown,
  find: (text: string) => number,
  path: PropertyKey[] = [],
): { path: PropertyKey[]; text: string; index: number } | undefined {
  if (typeof value === 'string') {
    const index = find(value);
    return index < 0 ? undefined : { path, text: value, index };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInStrings(value[i], find, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const index = find(key);
      if (index >= 0) return { path, text: key, index };
      const found = findInStrings(item, find, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The first string in a value (keys included) holding a forbidden character: its path and the character. */
export function findForbiddenString(value: unknown): { path: PropertyKey[]; char: string } | undefined {
  const found = findInStrings(value, findForbiddenCharacter);
  return found && { path: found.path, char: found.text[found.index]! };
}

/** A character as U+XXXX. */
export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
