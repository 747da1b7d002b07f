import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  App,
  Badge,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CompensationSchemesQuery, SalesRole } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { applyTemplatesMutation } from '../api/apply-templates';
import { compensationSchemesQuery } from '../api/compensation-schemes';
import { createSchemeMutation } from '../api/create-scheme';
import { templateLibraryQuery } from '../api/template-library';
import { salesRoleLabel, SALES_ROLES } from '../lib/labels';
import { formatEffective } from '../lib/months';
import { compensationMessages } from '../messages';

type Scheme = CompensationSchemesQuery['compensationSchemes'][number];

/**
 * The active company's schemes: the version in force and from when, a draft, how many employees,
 * the library template it came from, open proposals. Those who manage schemes create one; the
 * consultancy's people also copy templates from the library.
 */
export function SchemesPage({
  schemePath,
  canEdit,
  canApplyTemplates,
}: {
  schemePath: (id: string) => string;
  canEdit: boolean;
  canApplyTemplates: boolean;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const locale = INTL_LOCALE[language];
  const { data, loading, error, refetch } = useQuery(compensationSchemesQuery);
  const [creating, setCreating] = useState(false);
  const [applying, setApplying] = useState(false);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t.schemesTitle}
        </Typography.Title>
        <Flex gap="small">
          {canApplyTemplates && (
            <Button
              icon={<BookOutlined />}
              onClick={() => setApplying(true)}
              data-testid="apply-templates"
            >
              {t.fromLibrary}
            </Button>
          )}
          {canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-scheme"
            >
              {t.newScheme}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t.schemesIntro}</Typography.Paragraph>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <Table<Scheme>
          rowKey="id"
          dataSource={data.compensationSchemes}
          pagination={false}
          locale={{ emptyText: t.noSchemes }}
          data-testid="schemes-table"
          columns={[
            {
              title: t.colName,
              key: 'name',
              render: (_, s) => (
                <Flex gap="small" align="center" wrap>
                  <Link to={schemePath(s.id)} data-testid="scheme-link">
                    {s.name}
                  </Link>
                  {s.draft && <Tag color="gold">{t.draftBadge}</Tag>}
                  {s.proposals.some((p) => p.status === 'OPEN') && (
                    <Badge
                      count={interpolate(t.openProposals, {
                        count: s.proposals.filter((p) => p.status === 'OPEN').length,
                      })}
                      style={{ backgroundColor: '#fa8c16' }}
                      data-testid="open-proposals"
                    />
                  )}
                </Flex>
              ),
            },
            { title: t.colRole, key: 'role', render: (_, s) => salesRoleLabel(s.salesRole, t) },
            {
              title: t.colInForce,
              key: 'current',
              render: (_, s) =>
                s.current ? (
                  interpolate(t.versionFrom, {
                    number: s.current.number,
                    month: s.current.effectiveFrom
                      ? formatEffective(s.current.effectiveFrom, locale)
                      : '—',
                  })
                ) : (
                  <Typography.Text type="secondary">{t.notInForce}</Typography.Text>
                ),
            },
            {
              title: t.colEmployees,
              key: 'employees',
              align: 'right',
              render: (_, s) => s.assignments.length,
            },
            {
              title: t.colSource,
              key: 'source',
              render: (_, s) =>
                s.source
                  ? interpolate(t.sourceText, {
                      name: s.source.templateName,
                      version: s.source.libraryVersion,
                    })
                  : '—',
            },
          ]}
        />
      )}
      <CreateSchemeModal
        open={creating}
        onClose={() => setCreating(false)}
        schemePath={schemePath}
      />
      {canApplyTemplates && (
        <ApplyTemplatesModal open={applying} onClose={() => setApplying(false)} />
      )}
    </Flex>
  );
}

interface CreateValues {
  name: string;
  salesRole: SalesRole;
}

function CreateSchemeModal({
  open,
  onClose,
  schemePath,
}: {
  open: boolean;
  onClose: () => void;
  schemePath: (id: string) => string;
}) {
  const t = useMessages(compensationMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [create, { loading, error }] = useMutation(createSchemeMutation, {
    refetchQueries: [compensationSchemesQuery],
  });
  const submit = async (values: CreateValues) => {
    const { data } = await create({
      variables: {
        input: {
          name: values.name.trim(),
          salesRole: values.salesRole,
          definition: { baseSalary: '0', components: [] },
        },
      },
    });
    const payload = data?.createScheme;
    if (!payload?.scheme) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], ['name', 'salesRole']));
      return;
    }
    message.success(interpolate(t.created, { name: payload.scheme.name }));
    onClose();
    navigate(schemePath(payload.scheme.id));
  };
  return (
    <Modal
      open={open}
      title={t.newScheme}
      okText={t.create}
      cancelText={t.cancel}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ salesRole: 'ACCOUNT' }}
      >
        <Form.Item
          name="name"
          label={t.schemeName}
          rules={[{ required: true, whitespace: true, message: t.required }]}
        >
          <Input autoFocus data-testid="new-scheme-name" />
        </Form.Item>
        <Form.Item name="salesRole" label={t.salesRole}>
          <Select options={SALES_ROLES.map((r) => ({ value: r, label: salesRoleLabel(r, t) }))} />
        </Form.Item>
      </Form>
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
    </Modal>
  );
}

function ApplyTemplatesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(compensationMessages);
  const { message } = App.useApp();
  const library = useQuery(templateLibraryQuery, { skip: !open });
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [apply, { loading, error }] = useMutation(applyTemplatesMutation, {
    refetchQueries: [compensationSchemesQuery],
  });
  const submit = async () => {
    const { data } = await apply({ variables: { input: { templateIds: chosen } } });
    const payload = data?.applyTemplates;
    if (!payload || payload.errors.length > 0) {
      setErrors(payload?.errors ?? []);
      return;
    }
    message.success(interpolate(t.applied, { count: payload.schemes.length }));
    setChosen([]);
    onClose();
  };
  const templates = library.data?.templateLibrary?.templates ?? [];
  return (
    <Modal
      open={open}
      title={t.applyTitle}
      okText={t.applyOk}
      cancelText={t.cancel}
      okButtonProps={{ disabled: chosen.length === 0 }}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t.applyHint}</Typography.Paragraph>
      {library.error && <ErrorDisplay error={library.error} />}
      {library.loading && <Skeleton active />}
      {library.data && !library.data.templateLibrary && (
        <Typography.Text>{t.noLibrary}</Typography.Text>
      )}
      <Checkbox.Group
        value={chosen}
        onChange={(v) => setChosen(v as string[])}
        style={{ width: '100%' }}
      >
        <Flex vertical gap="small">
          {templates.map((tpl) => (
            <Checkbox key={tpl.id} value={tpl.id} data-testid={`template-${tpl.code}`}>
              <Typography.Text strong>{tpl.name}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                ({salesRoleLabel(tpl.salesRole, t)}, v{tpl.latest.number})
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">{tpl.description}</Typography.Text>
              </div>
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
    </Modal>
  );
}
