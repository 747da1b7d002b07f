import { FormErrors } from '@/shared/user-errors';
import { interpolate, useMessages } from '@/shared/i18n';
import type { SortedEditorErrors } from '../lib/field-errors';
import type { DefinitionForm } from '../lib/definition-form';
import { compensationMessages } from '../messages';

/** Errors of no single field, each said with the component it concerns. */
export function GeneralErrors({
  errors,
  values,
}: {
  errors: SortedEditorErrors['general'];
  values: DefinitionForm;
}) {
  const t = useMessages(compensationMessages);
  return (
    <FormErrors
      errors={errors}
      describe={(e) => {
        const index = (e as SortedEditorErrors['general'][number]).component;
        const component = index === null ? undefined : values.components[index];
        return component
          ? interpolate(t.inComponent, {
              name: component.name || component.key,
              message: e.message,
            })
          : e.message;
      }}
    />
  );
}
