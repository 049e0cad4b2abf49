import { idCheckCharacter } from '../../src/identity/id-number';

/** A valid resident ID number (GB 11643) for a birth date and a 3-digit sequence. */
export function validIdNumber(birthDate: string, sequence = '123', region = '310115'): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}
