/** The ISCO-08 minor group (three digits) of a unit group: one field of work (513: waiters and bartenders). */
export const minorGroup = (iscoGroup: string) => iscoGroup.slice(0, 3)

/**
 * The other unit groups of the minor groups of these: a barman for "serveersters", a graafmachinist for
 * "kraanman", an inpakker for "fabrieksarbeider". People (and caseworkers judging results) take a neighbouring
 * job of the same field as a fair answer once the named occupation and its unit group have run out, and it
 * beats a placement that merely shares a word with the query.
 */
export function neighbourGroups(groups: string[], unitGroups: Iterable<string>): string[] {
  const minors = new Set(groups.map(minorGroup))
  const own = new Set(groups)
  return [...unitGroups].filter((group) => !own.has(group) && minors.has(minorGroup(group))).sort()
}
