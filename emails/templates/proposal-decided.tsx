import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type ProposalDecidedProps = {
  name: string
  /** The client as the caseworker knows them (name or initials). */
  clientName: string
  placementTitle: string
  employer: string
  accepted: boolean
  /** The decline reason's label, and the employer's own words; null on acceptance. */
  reason: string | null
  note: string | null
  proposalsUrl: string
}

export const subject = ({ employer, accepted, placementTitle }: ProposalDecidedProps) =>
  `${employer} ${accepted ? 'aanvaardt' : 'wijst'} je voorstel voor "${placementTitle}"${accepted ? '' : ' af'}`

/** To the caseworker who proposed: the employer's answer and, on a decline, the reason (addressed with "je"). */
export function ProposalDecidedEmail({ name, clientName, placementTitle, employer, accepted, reason, note, proposalsUrl }: ProposalDecidedProps) {
  return (
    <EmailLayout preview={accepted ? 'Je voorstel is aanvaard.' : 'Je voorstel is afgewezen.'}>
      <Heading as="h1" style={s.heading}>
        {accepted ? 'Je voorstel is aanvaard' : 'Je voorstel is afgewezen'}
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      {accepted ? (
        <Text style={s.text}>
          {`${employer} aanvaardt je voorstel van ${clientName} voor de plaats "${placementTitle}". Neem contact op met de werkgever om de start af te spreken.`}
        </Text>
      ) : (
        <>
          <Text style={s.text}>{`${employer} wijst je voorstel van ${clientName} voor de plaats "${placementTitle}" af. De reden:`}</Text>
          <Text style={{ ...s.text, borderLeft: '4px solid #d1d5db', paddingLeft: '12px' }}>
            {reason}
            {note ? (
              <>
                <br />
                {`Toelichting van de werkgever: ${note}`}
              </>
            ) : null}
          </Text>
          <Text style={s.text}>Het voorstel telt niet meer mee: je kan de cliënt nu voor een andere plaats voorstellen.</Text>
        </>
      )}
      <ButtonWithLink href={proposalsUrl}>Bekijk de voorstellen</ButtonWithLink>
    </EmailLayout>
  )
}
