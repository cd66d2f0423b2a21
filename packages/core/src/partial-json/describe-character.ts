/**
 * Names a character for an error message: quoted if printable, as `U+XXXX` otherwise (control
 * characters, lone surrogates), so messages stay readable whatever the input holds.
 *
 * @param code - the character's UTF-16 code unit
 */
export function describeCharacter(code: number): string {
  if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  const character = String.fromCharCode(code);
  return character === "'" ? `"'"` : `'${character}'`;
}
