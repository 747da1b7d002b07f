import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * A date picker whose value is the API's "YYYY-MM-DD" string (or ""), so form values stay plain
 * data. Used as the child of a Form.Item.
 */
export function DateField({
  value,
  onChange,
  disabled,
  testId,
  disabledDate,
}: {
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  testId?: string;
  disabledDate?: (day: string) => boolean;
}) {
  return (
    <DatePicker
      value={value ? dayjs(value) : null}
      onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : '')}
      disabled={disabled}
      format="DD.MM.YYYY"
      data-testid={testId}
      {...(disabledDate ? { disabledDate: (d) => disabledDate(d.format('YYYY-MM-DD')) } : {})}
    />
  );
}
