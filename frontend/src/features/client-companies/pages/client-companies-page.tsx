import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { describeApiError, ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { clientCompaniesQuery } from '../api/client-companies';
import { consultantsQuery } from '../api/consultants';
import { ClientCompaniesTable } from '../components/client-companies-table';
import { CreateClientCompanyModal } from '../components/create-client-company-modal';
import { clientCompanyMessages } from '../messages';

/** The viewer's role in his consultancy, when the viewer says it (only with an active tenant). */
export type ConsultancyRole = 'CONSULTANCY_OWNER' | 'CONSULTANT' | null;

/**
 * Consultancy console: the viewer's client companies. Everyone here may rename; only the
 * consultancy's owner creates companies and assigns consultants, so only he is offered that.
 * `viewer.accessRole` names the role only while a tenant is active; without one (`role` null) the
 * owner-only list of consultants tells: the server answers it for the owner and refuses others.
 */
export function ClientCompaniesPage({
  role,
  onClientCompaniesChanged,
}: {
  role: ConsultancyRole;
  /** A company was created: the viewer's list of tenants (the switcher) has changed too. */
  onClientCompaniesChanged?: () => void;
}) {
  const t = useMessages(clientCompanyMessages);
  const { data, loading, error, refetch } = useQuery(clientCompaniesQuery);
  const consultants = useQuery(consultantsQuery, { skip: role === 'CONSULTANT' });
  const [creating, setCreating] = useState(false);

  const refused =
    consultants.error !== undefined && describeApiError(consultants.error).code === 'FORBIDDEN';
  const owner =
    role === 'CONSULTANCY_OWNER' || (role === null && consultants.data !== undefined && !refused);
  // Refused while probing an unknown role just means "not the owner"; anything else is shown.
  const consultantsError = consultants.error && !(role === null && refused);

  return (
    <Flex vertical gap="middle">
      <title>{t.title}</title>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t.title}
          </Typography.Title>
          <Typography.Text type="secondary">{t.subtitle}</Typography.Text>
        </div>
        {owner && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-client"
          >
            {t.create}
          </Button>
        )}
      </Flex>
      {error ? (
        <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />
      ) : (
        <>
          {consultantsError && <ErrorDisplay error={consultants.error} />}
          <ClientCompaniesTable
            companies={data?.clientCompanies ?? []}
            loading={loading}
            consultants={
              owner
                ? { list: consultants.data?.consultants ?? [], loading: consultants.loading }
                : undefined
            }
          />
        </>
      )}
      {owner && (
        <CreateClientCompanyModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={onClientCompaniesChanged}
        />
      )}
    </Flex>
  );
}
