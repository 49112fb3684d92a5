/**
 * The ten major groups of ISCO-08 (the first digit of an occupation's ISCO code), with the Dutch names Statbel
 * uses, so the dashboard can group placements by kind of work without listing hundreds of occupations.
 */
export const iscoMajorGroupLabels: Record<string, string> = {
  '0': 'Militaire beroepen',
  '1': 'Leidinggevenden',
  '2': 'Intellectuele, wetenschappelijke en artistieke beroepen',
  '3': 'Technici en vakspecialisten',
  '4': 'Administratief personeel',
  '5': 'Dienstverlenend personeel en verkopers',
  '6': 'Geschoolde landbouwers, bosbouwers en vissers',
  '7': 'Ambachtslieden',
  '8': 'Bedieners van machines en installaties, assembleurs',
  '9': 'Elementaire beroepen',
}
