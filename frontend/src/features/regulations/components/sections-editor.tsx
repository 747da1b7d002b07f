import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { RegulationsQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { deleteRegulationsSectionMutation } from '../api/delete-regulations-section';
import { regulationsQuery } from '../api/regulations';
import { saveRegulationsSectionMutation } from '../api/save-regulations-section';
import { refetchWhenAccepted } from '../lib/refetch';
import { regulationsMessages } from '../messages';
import { SectionForm } from './section-form';

type Section = RegulationsQuery['regulations']['sections'][number];

const EMPTY = { titleRu: '', titleEn: '', bodyRu: '', bodyEn: '' };

/**
 * The tenant's own sections in print order: each with «Выше»/«Ниже» (its position,
 * `saveRegulationsSection`), «Изменить» (the form in place) and «Удалить»
 * (`deleteRegulationsSection`); «Добавить раздел» opens an empty form placed last.
 */
export function SectionsEditor({
  sections,
  canEdit,
}: {
  sections: readonly Section[];
  canEdit: boolean;
}) {
  const t = useMessages(regulationsMessages);
  const { message } = App.useApp();
  /** The section being edited: its id, 'new', or none. */
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const refetch = refetchWhenAccepted(regulationsQuery);
  const [save, saving] = useMutation(saveRegulationsSectionMutation, refetch);
  const [remove, removing] = useMutation(deleteRegulationsSectionMutation, refetch);
  const ordered = [...sections].sort((a, b) => a.position - b.position);

  const move = async (section: Section, position: number) => {
    const { data } = await save({
      variables: {
        input: {
          id: section.id,
          position,
          titleRu: section.titleRu,
          titleEn: section.titleEn,
          bodyRu: section.bodyRu,
          bodyEn: section.bodyEn,
        },
      },
    });
    setErrors(data?.saveRegulationsSection.errors ?? []);
  };

  const onDelete = async (section: Section) => {
    const { data } = await remove({ variables: { input: { id: section.id } } });
    const payload = data?.deleteRegulationsSection;
    setErrors(payload?.errors ?? []);
    if (payload && payload.errors.length === 0) {
      message.success(interpolate(t.sectionDeleted, { title: section.titleRu }));
    }
  };

  return (
    <Flex vertical gap="middle" data-testid="sections-editor">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.sectionsHint}
      </Typography.Paragraph>
      <FormErrors errors={errors} />
      {(saving.error ?? removing.error) && <ErrorDisplay error={saving.error ?? removing.error} />}
      {ordered.length === 0 && editing !== 'new' && <Empty description={t.noSections} />}
      {ordered.map((section, index) =>
        editing === section.id ? (
          <SectionForm
            key={section.id}
            id={section.id}
            initial={{
              titleRu: section.titleRu,
              titleEn: section.titleEn ?? '',
              bodyRu: section.bodyRu,
              bodyEn: section.bodyEn ?? '',
            }}
            onDone={() => setEditing(null)}
          />
        ) : (
          <Card
            key={section.id}
            size="small"
            title={
              <span data-testid="section-title">
                {section.titleRu}
                {section.titleEn ? ` / ${section.titleEn}` : ''}
              </span>
            }
            data-testid="own-section"
            data-section-id={section.id}
            extra={
              canEdit && (
                <Flex gap="small">
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={t.moveUp}
                    disabled={index === 0 || saving.loading}
                    onClick={() => void move(section, index).catch(() => {})}
                    data-testid="section-up"
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={t.moveDown}
                    disabled={index === ordered.length - 1 || saving.loading}
                    onClick={() => void move(section, index + 2).catch(() => {})}
                    data-testid="section-down"
                  />
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(section.id)}
                    data-testid="section-edit"
                  >
                    {t.editSection}
                  </Button>
                  <Popconfirm
                    title={interpolate(t.deleteSectionConfirm, { title: section.titleRu })}
                    okText={t.deleteSection}
                    cancelText={t.cancel}
                    okButtonProps={{ danger: true, 'data-testid': 'section-delete-confirm' }}
                    onConfirm={() => onDelete(section).catch(() => {})}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      data-testid="section-delete"
                    >
                      {t.deleteSection}
                    </Button>
                  </Popconfirm>
                </Flex>
              )
            }
          >
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', margin: 0 }}
              ellipsis={{ rows: 4, expandable: true }}
            >
              {section.bodyRu}
            </Typography.Paragraph>
          </Card>
        ),
      )}
      {editing === 'new' && (
        <SectionForm id={null} initial={EMPTY} onDone={() => setEditing(null)} />
      )}
      {canEdit && editing !== 'new' && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          style={{ alignSelf: 'flex-start' }}
          data-testid="add-section"
        >
          {t.addSection}
        </Button>
      )}
    </Flex>
  );
}
