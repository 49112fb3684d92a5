import { removeDemoData } from '#db/demo/remove'
import { enqueueIndexUpdate } from '#db/queries/index-updates'
import { runCommand, UsageError } from './command'

/**
 * `npm run demo:remove`: deletes every demo organisation, account, placement, client, intake and mail, and nothing
 * else (db/demo/remove.ts), in one transaction; the removed placements leave the search index through the usual
 * index jobs. A public portal refuses to start until this has run on a database that once held the demo.
 */
const usage = 'npm run demo:remove'

await runCommand(usage, {}, async ({ positionals, db }) => {
  if (positionals.length > 0) throw new UsageError('demo:remove takes no arguments.')
  const removal = await db.transaction(async (tx) => {
    const result = await removeDemoData(tx)
    await enqueueIndexUpdate(tx, result.placementIds)
    return result
  })
  if (removal.organisations === 0 && removal.intakes === 0 && removal.compensationVersions === 0) {
    process.stdout.write('There is no demo data in this database.\n')
    return
  }
  const { organisations, accounts, placements, clients, intakes, intakesRerouted, mails, compensationVersions } = removal
  process.stdout.write(
    `removed ${organisations} demo organisations, ${accounts} accounts, ${placements} placements, ${clients} clients, ${intakes} intakes, ${mails} mails and ${compensationVersions} compensation versions` +
      (intakesRerouted > 0 ? `; ${intakesRerouted} real intakes in demo queues went to their municipality's OCMW and VDAB team` : '') +
      '\n',
  )
})
