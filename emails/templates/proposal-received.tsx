import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type ProposalReceivedProps = { name: string; placementTitle: string; proposerOrganisation: string; proposalUrl: string }

export const subject = ({ placementTitle }: ProposalReceivedProps) => `Een kandidaat voor uw plaats "${placementTitle}"`

/**
 * To the employer's contact and users when a caseworker proposes a client. No personal data at all, not even the
 * shared snapshot: mail travels further than the portal, and the candidate's page is behind the login.
 */
export function ProposalReceivedEmail({ name, placementTitle, proposerOrganisation, proposalUrl }: ProposalReceivedProps) {
  return (
    <EmailLayout preview="Een trajectbegeleider stelt een kandidaat voor.">
      <Heading as="h1" style={s.heading}>
        Een kandidaat voor uw plaats
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        {`Een trajectbegeleider van ${proposerOrganisation} stelt een kandidaat voor voor uw werkervaringsplaats "${placementTitle}". Op Stapsteen ziet u wat de kandidaat met u wil delen.`}
      </Text>
      <Text style={s.text}>Laat weten of u het voorstel aanvaardt. Wijst u het af, kies dan de reden: zo kan de begeleider verder zoeken.</Text>
      <ButtonWithLink href={proposalUrl}>Bekijk het voorstel</ButtonWithLink>
      <Text style={s.text}>Om de kandidaat te beschermen staan er geen persoonsgegevens in deze e-mail.</Text>
    </EmailLayout>
  )
}
