import { fireEvent, waitFor } from '@testing-library/react';

function openOption(label: string): HTMLElement | undefined {
  return [
    ...document.querySelectorAll<HTMLElement>(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    ),
  ].find(
    (o) =>
      o.querySelector('.ant-select-item-option-content')?.textContent === label ||
      o.getAttribute('title') === label,
  );
}

/**
 * Opens an antd Select (its combobox) and clicks the option labelled `label` in its open popup.
 * jsdom has no layout, so the popup's virtual list renders only its first options: pass `search`
 * to type into a searchable select first.
 */
export async function chooseOption(
  combobox: HTMLElement,
  label: string,
  { search }: { search?: string } = {},
): Promise<void> {
  fireEvent.mouseDown(combobox);
  if (search !== undefined) {
    fireEvent.change(combobox, { target: { value: search } });
  }
  const option = await waitFor(() => {
    const found = openOption(label);
    if (!found) {
      throw new Error(`No open option "${label}"`);
    }
    return found;
  });
  fireEvent.click(option);
}
