import { Form } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { UserErrorLike } from '@/shared/user-errors';
import {
  formToInput,
  type DefinitionForm,
  type FormResult,
  type ProblemCode,
} from './definition-form';
import { sortEditorErrors, type SortedEditorErrors } from './field-errors';

/** The form's values without what only the editor keeps (autoKey), to tell changes. */
function fingerprint(values: DefinitionForm | undefined): string {
  return JSON.stringify(values, (k, v: unknown) => (k === 'autoKey' ? undefined : v));
}

/**
 * The editor's state shared by the scheme and the template pages: the antd form, every value as
 * the user has it now, whether it differs from what was last loaded or saved, the values as an
 * input (or the client's problems), and the server's errors put on their fields.
 */
export function useDefinitionForm(
  initial: DefinitionForm,
  describe: (code: ProblemCode) => string,
) {
  const [form] = Form.useForm<DefinitionForm>();
  const watched = Form.useWatch([], { form, preserve: true }) as DefinitionForm | undefined;
  const values = watched ?? initial;
  const [baseline, setBaseline] = useState(() => fingerprint(initial));
  const [general, setGeneral] = useState<SortedEditorErrors['general']>([]);

  const dirty = watched !== undefined && fingerprint(watched) !== baseline;
  const result: FormResult = useMemo(() => formToInput(values), [values]);

  /** After a save: what is in the form now is what the server has. */
  const markSaved = useCallback(() => {
    setBaseline(fingerprint(form.getFieldsValue(true) as DefinitionForm));
  }, [form]);

  /** The server's errors: on their fields, the rest (with their component) above the form. */
  const showErrors = useCallback(
    (errors: readonly UserErrorLike[]) => {
      const sorted = sortEditorErrors(errors, form.getFieldsValue(true) as DefinitionForm);
      form.setFields(sorted.fields as Parameters<typeof form.setFields>[0]);
      setGeneral(sorted.general);
    },
    [form],
  );

  /** Current values as an input after the client's checks, or null (the fields show why). */
  const validInput = useCallback(async () => {
    try {
      await form.validateFields({ recursive: true });
    } catch {
      return null;
    }
    const checked = formToInput(form.getFieldsValue(true) as DefinitionForm);
    if (!checked.ok) {
      form.setFields(
        checked.problems.map((p) => ({ name: p.path, errors: [describe(p.code)] })) as Parameters<
          typeof form.setFields
        >[0],
      );
      return null;
    }
    return checked.input;
  }, [form, describe]);

  return { form, values, dirty, result, markSaved, showErrors, general, setGeneral, validInput };
}
