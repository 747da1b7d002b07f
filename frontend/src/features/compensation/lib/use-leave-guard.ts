import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';

interface LeaveTexts {
  title: string;
  content: string;
  okText: string;
  cancelText: string;
}

/**
 * While `dirty`, asks before the page is left: closing or reloading the tab (the browser's own
 * question) and following an in-app link (the menu, a breadcrumb: our confirmation, then the
 * navigation). The app uses a plain BrowserRouter, which has no navigation blocker, so links are
 * caught by a click listener on the document in the capture phase, before the router sees them.
 * The browser's back button is not caught.
 *
 * (A copy of the KPI feature's guard: features never import each other.)
 */
export function useLeaveGuard(dirty: boolean, texts: LeaveTexts) {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const textsRef = useRef(texts);
  textsRef.current = texts;

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) {
        return;
      }
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.download) {
        return;
      }
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      modal.confirm({
        ...textsRef.current,
        okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
        onOk: () => navigate(url.pathname + url.search + url.hash),
      });
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty, modal, navigate]);
}
